export { childProcessEnv, type Env, EnvError, env, loadEnv, repoRoot } from './env.ts';
