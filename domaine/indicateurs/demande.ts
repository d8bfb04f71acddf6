import { lireDateLocale, type DateLocale } from '../temps'
import { lirePeriode, type Periode } from './periodes'
import type { Vue } from './rapport'

/**
 * La demande d'un rapport, telle que la page /espace/indicateurs et ses
 * exports la reçoivent en GET : la période (periodes.ts) et, pour
 * l'opérateur et la coordination, un poste, une unité, ou une compagnie
 * (avec ses brigades) ou un commissariat (cahier des charges : « par
 * compagnie/commissariat »). Le financeur voit
 * le département entier, sans filtre : un rapport par unité se recouperait
 * avec celui du département (la différence des deux redonnerait une petite
 * case que chacun masque), et le secret statistique ne protège qu'un tableau
 * et son total (secret-statistique.ts).
 */

export type DemandeIndicateurs = { periode: Periode; poste?: number; unite?: number; compagnie?: number }
export type LectureDemande =
  | { ok: true; demande: DemandeIndicateurs; valeurs: Record<string, string> }
  | { ok: false; erreurs: Record<string, string>; valeurs: Record<string, string> }

export const CHAMPS_DEMANDE = ['type', 'annee', 'mois', 'trimestre', 'du', 'au', 'poste', 'unite', 'compagnie'] as const

/** Le trimestre en cours, montré quand la page s'ouvre sans paramètre. */
export function periodeParDefaut(aujourdhui: DateLocale): Periode {
  const { annee, mois } = lireDateLocale(aujourdhui)
  return { type: 'trimestre', annee, trimestre: Math.ceil(mois / 3) }
}

/** Les paramètres qui redonnent une demande (liens d'export, formulaire). */
export function parametresDe(d: DemandeIndicateurs): URLSearchParams {
  const p = new URLSearchParams({ type: d.periode.type })
  const periode = d.periode as Record<string, unknown>
  for (const champ of ['annee', 'mois', 'trimestre', 'du', 'au']) if (periode[champ] !== undefined) p.set(champ, String(periode[champ]))
  if (d.poste !== undefined) p.set('poste', String(d.poste))
  if (d.unite !== undefined) p.set('unite', String(d.unite))
  if (d.compagnie !== undefined) p.set('compagnie', String(d.compagnie))
  return p
}

const identifiant = (champ: string, v: string) => (/^\d{1,9}$/.test(v) ? { ok: true as const, n: Number(v) } : { ok: false as const, erreur: `${champ} : choisissez dans la liste` })

export function lireDemande(parametres: URLSearchParams, vue: Vue, aujourdhui: DateLocale): LectureDemande {
  const valeurs: Record<string, string> = {}
  for (const champ of CHAMPS_DEMANDE) {
    const v = parametres.get(champ)?.trim()
    if (v) valeurs[champ] = v.slice(0, 40)
  }
  const erreurs: Record<string, string> = {}
  let periode: Periode = periodeParDefaut(aujourdhui)
  if (valeurs.type || valeurs.annee || valeurs.du || valeurs.au) {
    const r = lirePeriode(valeurs)
    if (r.ok) periode = r.periode
    else Object.assign(erreurs, r.erreurs)
  }
  const demande: DemandeIndicateurs = { periode }
  for (const [champ, libelle] of [
    ['poste', 'Poste'],
    ['unite', 'Unité'],
    ['compagnie', 'Compagnie ou commissariat'],
  ] as const) {
    const v = valeurs[champ]
    if (!v) continue
    if (vue === 'secret-statistique') {
      erreurs[champ] = `${libelle} : les indicateurs communiqués aux financeurs portent sur le département entier`
      continue
    }
    const r = identifiant(libelle, v)
    if (r.ok) demande[champ] = r.n
    else erreurs[champ] = r.erreur
  }
  // Un seul périmètre à la fois : leur croisement ne répond à aucune question des financeurs.
  const choisis = (['poste', 'unite', 'compagnie'] as const).filter((c) => demande[c] !== undefined)
  if (choisis.length > 1) erreurs[choisis[1]!] = `${choisis[1] === 'unite' ? 'Unité' : 'Compagnie ou commissariat'} : choisissez un seul périmètre (un poste, une unité, ou une compagnie ou un commissariat)`
  return Object.keys(erreurs).length ? { ok: false, erreurs, valeurs } : { ok: true, demande, valeurs }
}
