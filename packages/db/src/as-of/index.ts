export {
  type FoldedEntity,
  type FoldOptions,
  foldEntities,
  foldEntity,
  type LogCut,
} from './fold-entity.ts';
export { modelOf } from './model-of.ts';
