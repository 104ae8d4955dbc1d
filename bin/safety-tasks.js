#!/usr/bin/env node
// dist/ is built by `npm run build` (npm test and npm pack run it): a clone that skipped it is told so
import('../dist/cli/index.js').then(
  ({ run }) => run(process.argv),
  (error) => {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist')) throw error;
    process.stderr.write('safety-tasks：还没有构建：请先运行 npm run build（not built yet: run npm run build first）\n');
    process.exitCode = 2;
  },
);
