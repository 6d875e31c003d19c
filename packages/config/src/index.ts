export {
  childProcessEnv,
  type Env,
  EnvError,
  env,
  invocationDir,
  loadEnv,
  repoRoot,
} from './env.ts';
