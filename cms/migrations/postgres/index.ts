import * as migration_20261126_070847_init from './20261126_070847_init';
import * as migration_20261126_071451_logigramme_formation from './20261126_071451_logigramme_formation';
import * as migration_20261126_072943_plaquettes_versions from './20261126_072943_plaquettes_versions';
import * as migration_20261126_073533_vocabulaire_recherche from './20261126_073533_vocabulaire_recherche';
import * as migration_20261203_102736_connexion_sans_verrouillage from './20261203_102736_connexion_sans_verrouillage';
import * as migration_20261203_103623_journal_audit from './20261203_103623_journal_audit';
import * as migration_20261203_133020_sessions from './20261203_133020_sessions';
import * as migration_20261203_133117_sessions_sans_jwt from './20261203_133117_sessions_sans_jwt';
import * as migration_20261203_142501_espace_connecte from './20261203_142501_espace_connecte';
import * as migration_20261203_144716_second_facteur_reinitialise from './20261203_144716_second_facteur_reinitialise';
import * as migration_20261203_175630_saisines from './20261203_175630_saisines';
import * as migration_20261203_184710_index_indicateurs from './20261203_184710_index_indicateurs';
import * as migration_20261204_171701_synthese_ggd from './20261204_171701_synthese_ggd';
import * as migration_20261204_205931_cle_depot from './20261204_205931_cle_depot';

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
    name: '20261126_072943_plaquettes_versions',
  },
  {
    up: migration_20261126_073533_vocabulaire_recherche.up,
    down: migration_20261126_073533_vocabulaire_recherche.down,
    name: '20261126_073533_vocabulaire_recherche',
  },
  {
    up: migration_20261203_102736_connexion_sans_verrouillage.up,
    down: migration_20261203_102736_connexion_sans_verrouillage.down,
    name: '20261203_102736_connexion_sans_verrouillage',
  },
  {
    up: migration_20261203_103623_journal_audit.up,
    down: migration_20261203_103623_journal_audit.down,
    name: '20261203_103623_journal_audit',
  },
  {
    up: migration_20261203_133020_sessions.up,
    down: migration_20261203_133020_sessions.down,
    name: '20261203_133020_sessions',
  },
  {
    up: migration_20261203_133117_sessions_sans_jwt.up,
    down: migration_20261203_133117_sessions_sans_jwt.down,
    name: '20261203_133117_sessions_sans_jwt',
  },
  {
    up: migration_20261203_142501_espace_connecte.up,
    down: migration_20261203_142501_espace_connecte.down,
    name: '20261203_142501_espace_connecte',
  },
  {
    up: migration_20261203_144716_second_facteur_reinitialise.up,
    down: migration_20261203_144716_second_facteur_reinitialise.down,
    name: '20261203_144716_second_facteur_reinitialise',
  },
  {
    up: migration_20261203_175630_saisines.up,
    down: migration_20261203_175630_saisines.down,
    name: '20261203_175630_saisines',
  },
  {
    up: migration_20261203_184710_index_indicateurs.up,
    down: migration_20261203_184710_index_indicateurs.down,
    name: '20261203_184710_index_indicateurs',
  },
  {
    up: migration_20261204_171701_synthese_ggd.up,
    down: migration_20261204_171701_synthese_ggd.down,
    name: '20261204_171701_synthese_ggd',
  },
  {
    up: migration_20261204_205931_cle_depot.up,
    down: migration_20261204_205931_cle_depot.down,
    name: '20261204_205931_cle_depot'
  },
];
