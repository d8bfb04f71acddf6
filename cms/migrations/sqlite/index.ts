import * as migration_20261126_063408_init from './20261126_063408_init';
import * as migration_20261126_064412_signalements from './20261126_064412_signalements';
import * as migration_20261126_065142_territoire_numeros_urgence from './20261126_065142_territoire_numeros_urgence';

export const migrations = [
  {
    up: migration_20261126_063408_init.up,
    down: migration_20261126_063408_init.down,
    name: '20261126_063408_init',
  },
  {
    up: migration_20261126_064412_signalements.up,
    down: migration_20261126_064412_signalements.down,
    name: '20261126_064412_signalements',
  },
  {
    up: migration_20261126_065142_territoire_numeros_urgence.up,
    down: migration_20261126_065142_territoire_numeros_urgence.down,
    name: '20261126_065142_territoire_numeros_urgence'
  },
];
