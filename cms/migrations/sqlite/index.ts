import * as migration_20261126_070840_init from './20261126_070840_init';

export const migrations = [
  {
    up: migration_20261126_070840_init.up,
    down: migration_20261126_070840_init.down,
    name: '20261126_070840_init'
  },
];
