import * as migration_20261126_063412_init from './20261126_063412_init';
import * as migration_20261126_064416_signalements from './20261126_064416_signalements';
import * as migration_20261126_065147_territoire_numeros_urgence from './20261126_065147_territoire_numeros_urgence';

export const migrations = [
  {
    up: migration_20261126_063412_init.up,
    down: migration_20261126_063412_init.down,
    name: '20261126_063412_init',
  },
  {
    up: migration_20261126_064416_signalements.up,
    down: migration_20261126_064416_signalements.down,
    name: '20261126_064416_signalements',
  },
  {
    up: migration_20261126_065147_territoire_numeros_urgence.up,
    down: migration_20261126_065147_territoire_numeros_urgence.down,
    name: '20261126_065147_territoire_numeros_urgence'
  },
];
