import type { CollectionConfig } from 'payload'

import { estOperateur } from './estOperateur'
import { lecturePublique } from './lecturePublique'

/** Règles communes aux collections éditoriales : lecture publique, écriture par l'opérateur seul. */
export const accesEditorial: CollectionConfig['access'] = {
  read: lecturePublique,
  create: estOperateur,
  update: estOperateur,
  delete: estOperateur,
}
