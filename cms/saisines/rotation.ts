import type { Payload } from 'payload'

import { kidDuChiffre } from '../../socle/chiffrement'
import { journaliser } from '../journalAudit'
import { trousseau } from '../chiffrement'
import { contexteSecondFacteur } from '../comptes/secondFacteur'
import { contexte } from './chiffrement'

/**
 * Rotation des clés : chaque valeur chiffrée avec une ancienne clé
 * (PASSERELLE_CLES_ANCIENNES) est relue puis rechiffrée avec la clé actuelle
 * (PASSERELLE_CLE_CHIFFREMENT). Les valeurs déjà à jour ne sont pas touchées :
 * la commande peut être relancée après une interruption. Quand le rapport dit
 * « 0 restante », les anciennes clés peuvent quitter la configuration.
 *
 * Procédure (README) : 1. générer une nouvelle clé ; 2. mettre l'ancienne dans
 * PASSERELLE_CLES_ANCIENNES et la nouvelle dans PASSERELLE_CLE_CHIFFREMENT ;
 * 3. redémarrer ; 4. `npm run cles:rotation` ; 5. retirer l'ancienne clé.
 */

export type RapportRotation = { rechiffrees: Record<string, number>; total: number; simulation: boolean }

export type ChampChiffre = { collection: string; lire: (doc: Record<string, unknown>) => { chemin: string; valeur: unknown; contexte: string }[] }

const parJeton = (collection: string, champ: string): ChampChiffre => ({
  collection,
  lire: (d) => [{ chemin: champ, valeur: d[champ], contexte: contexte(collection, String(d.jeton), champ) }],
})

/** Tous les champs chiffrés de la base, et le contexte de chacun : la rotation et la sauvegarde les parcourent. */
export const CHAMPS_CHIFFRES: ChampChiffre[] = [
  {
    collection: 'saisines',
    lire: (d) => [
      { chemin: 'ditALaPersonne', valeur: d.ditALaPersonne, contexte: contexte('saisines', String(d.jeton), 'ditALaPersonne') },
      { chemin: 'texteLibre', valeur: d.texteLibre, contexte: contexte('saisines', String(d.jeton), 'texteLibre') },
      ...((d.personnes as { id: string; identite?: string | null }[] | undefined) ?? []).map((p, i) => ({
        chemin: `personnes.${i}.identite`,
        valeur: p.identite,
        contexte: contexte('saisines', String(d.jeton), `personnes.${p.id}.identite`),
      })),
    ],
  },
  parJeton('actes', 'texte'),
  parJeton('orientations', 'commentaire'),
  {
    collection: 'signalements-judiciaires',
    lire: (d) => ['texte', 'precision'].map((champ) => ({ chemin: champ, valeur: d[champ], contexte: contexte('signalements-judiciaires', String(d.jeton), champ) })),
  },
  { collection: 'brouillons-saisines', lire: (d) => [{ chemin: 'champs', valeur: d.champs, contexte: contexte('brouillons-saisines', `auteur-${typeof d.auteur === 'object' ? (d.auteur as { id: number }).id : d.auteur}`, 'champs') }] },
  {
    collection: 'utilisateurs',
    lire: (d) => [
      { chemin: 'totpSecret', valeur: d.totpSecret, contexte: contexteSecondFacteur(d.id as number, 'totpSecret') },
      { chemin: 'totpEnAttente', valeur: d.totpEnAttente, contexte: contexteSecondFacteur(d.id as number, 'totpEnAttente') },
    ],
  },
]

function ecrire(doc: Record<string, unknown>, chemin: string, valeur: string) {
  const [tete, rang, queue] = chemin.split('.')
  if (rang === undefined) return { [tete!]: valeur }
  const liste = (doc[tete!] as Record<string, unknown>[]).map((p, i) => (i === Number(rang) ? { ...p, [queue!]: valeur } : p))
  doc[tete!] = liste
  return { [tete!]: liste }
}

export async function rechiffrer(payload: Payload, { simulation = false, parLot = 200 }: { simulation?: boolean; parLot?: number } = {}): Promise<RapportRotation> {
  const t = trousseau()
  const rechiffrees: Record<string, number> = {}
  for (const champ of CHAMPS_CHIFFRES) {
    let n = 0
    for (let page = 1; ; page++) {
      const { docs, hasNextPage } = await payload.find({ collection: champ.collection as 'saisines', limit: parLot, page, depth: 0, overrideAccess: true, showHiddenFields: true, sort: 'id' })
      for (const doc of docs as unknown as Record<string, unknown>[]) {
        let data: Record<string, unknown> = {}
        for (const { chemin, valeur, contexte: ctx } of champ.lire(doc)) {
          if (typeof valeur !== 'string' || !valeur || !t.aRechiffrer(valeur)) continue
          n++
          if (!simulation) data = { ...data, ...ecrire(doc, chemin, t.chiffrer(t.dechiffrer(valeur, ctx), ctx)) }
        }
        if (Object.keys(data).length)
          await payload.update({ collection: champ.collection as 'saisines', id: doc.id as number, data, overrideAccess: true, depth: 0, context: { sansPublication: true, rotation: true } })
      }
      if (!hasNextPage) break
    }
    rechiffrees[champ.collection] = n
  }
  const total = Object.values(rechiffrees).reduce((a, b) => a + b, 0)
  if (!simulation && total > 0) await journaliser(payload, { action: 'cles-rechiffrees', acteur: null })
  return { rechiffrees, total, simulation }
}

export function rapportRotation(r: RapportRotation, kid: string): string {
  const lignes = Object.entries(r.rechiffrees).map(([c, n]) => `  ${c} : ${n} valeur${n > 1 ? 's' : ''}`)
  const tete = r.simulation
    ? `Simulation (--dry-run) : ${r.total} valeur${r.total > 1 ? 's' : ''} chiffrée${r.total > 1 ? 's' : ''} avec une ancienne clé seraient rechiffrées avec la clé ${kid}. Rien n’a été écrit.`
    : `${r.total} valeur${r.total > 1 ? 's' : ''} rechiffrée${r.total > 1 ? 's' : ''} avec la clé actuelle (${kid}).`
  const fin = r.simulation ? '' : '\nPlus aucune valeur ne dépend des anciennes clés : vous pouvez retirer PASSERELLE_CLES_ANCIENNES de la configuration.'
  return `${tete}\n${lignes.join('\n')}${fin}`
}

/** Les identifiants des clés dont dépendent les valeurs chiffrées de la base (pour le manifeste d'une sauvegarde). */
export async function kidsPresents(payload: Payload, parLot = 500): Promise<string[]> {
  const kids = new Set<string>()
  for (const champ of CHAMPS_CHIFFRES) {
    for (let page = 1; ; page++) {
      const { docs, hasNextPage } = await payload.find({ collection: champ.collection as 'saisines', limit: parLot, page, depth: 0, overrideAccess: true, showHiddenFields: true, sort: 'id' })
      for (const doc of docs as unknown as Record<string, unknown>[])
        for (const { valeur } of champ.lire(doc)) if (typeof valeur === 'string' && valeur) kids.add(kidDuChiffre(valeur) ?? 'inconnu')
      if (!hasNextPage) break
    }
  }
  return [...kids].sort()
}
