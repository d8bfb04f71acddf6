import * as migration_20261126_061458_init from './20261126_061458_init';

export const migrations = [
  {
    up: migration_20261126_061458_init.up,
    down: migration_20261126_061458_init.down,
    name: '20261126_061458_init'
  },
];
