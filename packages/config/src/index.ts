export {
  childProcessEnv,
  DEVELOPMENT_APP_DB_PASSWORD,
  type Env,
  EnvError,
  env,
  invocationDir,
  loadEnv,
  repoRoot,
  runsInProduction,
} from './env.ts';
