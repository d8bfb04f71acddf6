import * as migration_20261126_070847_init from './20261126_070847_init';
import * as migration_20261126_071451_logigramme_formation from './20261126_071451_logigramme_formation';
import * as migration_20261126_072943_plaquettes_versions from './20261126_072943_plaquettes_versions';

export const migrations = [
  {
    up: migration_20261126_070847_init.up,
    down: migration_20261126_070847_init.down,
    name: '20261126_070847_init',
  },
  {
    up: migration_20261126_071451_logigramme_formation.up,
    down: migration_20261126_071451_logigramme_formation.down,
    name: '20261126_071451_logigramme_formation',
  },
  {
    up: migration_20261126_072943_plaquettes_versions.up,
    down: migration_20261126_072943_plaquettes_versions.down,
    name: '20261126_072943_plaquettes_versions'
  },
];
