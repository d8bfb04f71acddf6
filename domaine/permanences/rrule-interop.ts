/**
 * Accès à `rrule` quel que soit le chargeur.
 *
 * rrule 2.8.1 est publié en UMD/CommonJS (« main ») avec une version ESM
 * (« module ») mais sans champ « exports » : Vite et Vitest prennent l'ESM et
 * exposent `RRule` nommément, alors que Node et tsx (serveur, seed) chargent le
 * CommonJS, où `import { RRule } from 'rrule'` échoue (« Named export 'RRule'
 * not found »). L'import d'espace de noms fonctionne partout : on y prend
 * `RRule`, ou sinon `default.RRule`.
 */
import * as espace from 'rrule'

type ModuleRrule = typeof espace

const module_: ModuleRrule =
  'RRule' in espace && typeof espace.RRule === 'function'
    ? espace
    : (espace as unknown as { default: ModuleRrule }).default

export const RRule = module_.RRule
export type RRule = espace.RRule
export type Options = espace.Options
export const Weekday = module_.Weekday
export type Weekday = espace.Weekday
