import * as migration_20261126_063412_init from './20261126_063412_init';

export const migrations = [
  {
    up: migration_20261126_063412_init.up,
    down: migration_20261126_063412_init.down,
    name: '20261126_063412_init'
  },
];
