import type { z } from 'zod'

import { erreursParChamp, type Saisine, type SchemaSaisine } from './schema'

/**
 * Le brouillon d'une saisine, côté serveur : « rien de ce qui a été saisi n'est
 * perdu » (règles de la maison), ni sur un formulaire invalide ni quand la
 * session expire pendant la saisie (issue 11). Le brouillon garde donc les
 * champs tels que tapés, même invalides ; la validation a lieu au dépôt.
 *
 * - Il appartient à son auteur seul : personne d'autre ne le lit ni ne
 *   l'écrase (il contient des noms, et n'est pas encore une saisine).
 * - Il expire N jours après sa dernière modification (7 par défaut) : une
 *   identité tapée puis abandonnée ne reste pas indéfiniment ; la purge le
 *   supprime (à câbler avec la rétention).
 * - Ses champs sont ceux du formulaire HTML, à plat (« personnes.0.nom »), en
 *   texte : c'est ce que le navigateur envoie, avec ou sans JavaScript.
 * - Des plafonds (nombre de champs, longueur) bornent ce qu'un client peut
 *   faire stocker ; ils dépassent largement ceux du schéma, pour qu'aucune
 *   saisie légitime ne soit refusée comme brouillon.
 */

export type ChampsBrouillon = Record<string, string>
export type Brouillon = { auteur: string | number; champs: ChampsBrouillon; creeLe: string; modifieLe: string }

export const DUREE_BROUILLON_JOURS = 7
export const PLAFONDS_BROUILLON = { champs: 300, longueurNom: 80, longueurValeur: 10_000 } as const
const RE_NOM_CHAMP = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/

export class BrouillonRefuse extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BrouillonRefuse'
  }
}

const meme = (a: string | number, b: string | number) => String(a) === String(b)

/** Nettoie ce que le formulaire a envoyé : garde tout ce qui est texte et nommé correctement, refuse l'abus. */
export function champsDuFormulaire(entrees: Iterable<[string, unknown]>): ChampsBrouillon {
  const champs: ChampsBrouillon = {}
  let n = 0
  for (const [nom, valeur] of entrees) {
    // Le jeton CSRF et les boutons ne sont pas de la saisie.
    if (nom === 'csrf' || nom.startsWith('_') || typeof valeur !== 'string') continue
    if (nom.length > PLAFONDS_BROUILLON.longueurNom || !RE_NOM_CHAMP.test(nom)) throw new BrouillonRefuse(`Brouillon : nom de champ invalide « ${nom.slice(0, 40)} »`)
    if (valeur.length > PLAFONDS_BROUILLON.longueurValeur) throw new BrouillonRefuse(`Brouillon : le champ « ${nom} » dépasse ${PLAFONDS_BROUILLON.longueurValeur} caractères`)
    if (++n > PLAFONDS_BROUILLON.champs) throw new BrouillonRefuse(`Brouillon : ${PLAFONDS_BROUILLON.champs} champs au plus`)
    champs[nom] = valeur
  }
  return champs
}

/** Crée ou met à jour le brouillon de l'auteur ; écraser celui d'un autre est refusé. */
export function enregistrerBrouillon(precedent: Brouillon | null | undefined, auteur: string | number, champs: ChampsBrouillon, maintenant: Date): Brouillon {
  if (precedent && !meme(precedent.auteur, auteur)) throw new BrouillonRefuse('Brouillon : il appartient à une autre personne')
  const le = maintenant.toISOString()
  return { auteur, champs: { ...champs }, creeLe: precedent?.creeLe ?? le, modifieLe: le }
}

export function estExpire(b: Brouillon, maintenant: Date, dureeJours = DUREE_BROUILLON_JOURS): boolean {
  return maintenant.getTime() - Date.parse(b.modifieLe) >= dureeJours * 86_400_000
}

/** Le brouillon que cet acteur peut reprendre : le sien, pas expiré ; sinon rien. */
export function brouillonRepris(b: Brouillon | null | undefined, acteur: string | number, maintenant: Date, dureeJours = DUREE_BROUILLON_JOURS): Brouillon | undefined {
  return b && meme(b.auteur, acteur) && !estExpire(b, maintenant, dureeJours) ? b : undefined
}

type Arbre = { [cle: string]: Arbre | string } | (Arbre | string)[]

/**
 * Les champs à plat du formulaire, en objet pour le schéma : « personnes.0.nom »
 * → personnes[0].nom ; les textes vides deviennent absents (champs facultatifs) ;
 * « urgence » oui/non → booléen, « age » et « agent » numériques → nombre.
 */
export function versSaisie(champs: ChampsBrouillon): Record<string, unknown> {
  const racine: Record<string, unknown> = {}
  for (const [nom, brut] of Object.entries(champs)) {
    const valeur = brut.trim()
    if (valeur === '') continue
    const chemin = nom.split('.')
    // Pas de pollution de prototype par un nom de champ forgé.
    if (chemin.some((c) => c === '__proto__' || c === 'constructor' || c === 'prototype')) continue
    let courant = racine as Record<string, unknown>
    chemin.forEach((cle, i) => {
      if (i === chemin.length - 1) courant[cle] = convertir(cle, valeur)
      else {
        const suivant = /^\d+$/.test(chemin[i + 1]!) ? [] : {}
        courant[cle] ??= suivant
        courant = courant[cle] as Record<string, unknown>
      }
    })
  }
  // Un tableau à trous (personne 0 effacée, personne 1 remplie) redevient une liste.
  if (Array.isArray(racine.personnes)) racine.personnes = (racine.personnes as Arbre[]).filter(Boolean)
  return racine
}

function convertir(cle: string, valeur: string): unknown {
  if (cle === 'urgence') return valeur === 'oui' ? true : valeur === 'non' ? false : valeur
  if ((cle === 'age' || cle === 'agent') && /^\d+$/.test(valeur)) return Number(valeur)
  return valeur
}

export type ResultatDepot = { ok: true; saisine: Saisine } | { ok: false; erreurs: Record<string, string>; champs: ChampsBrouillon }

/**
 * Tente le dépôt d'un brouillon : la saisine validée, ou les erreurs par champ
 * AVEC les champs tels que tapés, pour réafficher le formulaire sans rien perdre.
 */
export function deposerBrouillon(b: Brouillon, schema: SchemaSaisine): ResultatDepot {
  const r = (schema as z.ZodType<Saisine>).safeParse(versSaisie(b.champs))
  return r.success ? { ok: true, saisine: r.data } : { ok: false, erreurs: erreursParChamp(r.error), champs: { ...b.champs } }
}
