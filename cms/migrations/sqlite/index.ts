import * as migration_20261126_063408_init from './20261126_063408_init';

export const migrations = [
  {
    up: migration_20261126_063408_init.up,
    down: migration_20261126_063408_init.down,
    name: '20261126_063408_init'
  },
];
