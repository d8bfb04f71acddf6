import * as migration_20261126_061454_init from './20261126_061454_init';

export const migrations = [
  {
    up: migration_20261126_061454_init.up,
    down: migration_20261126_061454_init.down,
    name: '20261126_061454_init'
  },
];
