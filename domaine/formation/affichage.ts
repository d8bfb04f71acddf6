import { dateEnMots, heureEnMots, heureLocale } from '../temps'
import { PUBLICS_FORMATION, type PublicFormation, type TypeRessource } from '../../content/schemas/formation'

/**
 * Mise en forme de la page /formation (logique pure, testée) : sessions à
 * venir avec leurs dates en français à l'heure de Paris, documents et liens
 * par public, parcours d'intégration regroupé par moment.
 */

type Ref<T> = number | string | T | null | undefined

export type RessourceFormation = {
  id: number | string
  titre: string
  slug?: string | null
  type: TypeRessource
  publics?: PublicFormation[] | null
  description?: string | null
  dates?: { debut: string; fin?: string | null }[] | null
  lieuSite?: Ref<{ id: number | string; nom: string; slug: string }>
  lieuTexte?: string | null
  fichier?: Ref<{ id: number | string; url?: string | null; filesize?: number | null; mimeType?: string | null; alt?: string | null }>
  url?: string | null
  exemple?: boolean | null
}

export type EtapeParcours = { moment: string; titre: string; description?: string | null; avecQui?: string | null }

function parties(date: Date) {
  return { jour: dateEnMots(date, { avecAnnee: true }), heure: heureEnMots(date), minuit: heureLocale(date) === '00:00' }
}

/**
 * « mardi 16 mars 2027, 9 h 30 – 11 h 30 » ; « du lundi 7 juin 2027, 9 h au
 * mardi 8 juin 2027, 17 h » ; « mardi 16 mars 2027 » pour une date sans heure
 * (minuit à Paris).
 */
export function creneauEnMots(debut: string | Date, fin?: string | Date | null): string {
  const d = parties(new Date(debut))
  if (!fin) return d.minuit ? d.jour : `${d.jour}, ${d.heure}`
  const f = parties(new Date(fin))
  if (f.jour === d.jour) return `${d.jour}, ${d.heure} – ${f.heure}`
  return `du ${d.jour}${d.minuit ? '' : `, ${d.heure}`} au ${f.jour}${f.minuit ? '' : `, ${f.heure}`}`
}

/** Attribut `datetime` d'un élément <time> (instant ISO). */
export const isoDe = (date: string | Date) => new Date(date).toISOString()

export type SessionAVenir = { ressource: RessourceFormation; creneaux: { debut: string; fin?: string | null }[]; prochain: Date }

/**
 * Sessions qui ont encore au moins un créneau non terminé à `maintenant`, avec
 * leurs seuls créneaux à venir ou en cours, de la plus proche à la plus
 * lointaine. Une date passée n'est jamais présentée comme à venir.
 */
export function sessionsAVenir(ressources: readonly RessourceFormation[], maintenant: Date): SessionAVenir[] {
  const t = maintenant.getTime()
  return ressources
    .filter((r) => r.type === 'session')
    .map((r) => {
      const creneaux = [...(r.dates ?? [])]
        .filter((c) => Date.parse(c.fin ?? c.debut) >= t)
        .sort((a, b) => Date.parse(a.debut) - Date.parse(b.debut))
      return { ressource: r, creneaux, prochain: new Date(creneaux[0]?.debut ?? 0) }
    })
    .filter((s) => s.creneaux.length > 0)
    .sort((a, b) => a.prochain.getTime() - b.prochain.getTime() || a.ressource.titre.localeCompare(b.ressource.titre, 'fr'))
}

export const ORDRE_PUBLICS = Object.keys(PUBLICS_FORMATION) as PublicFormation[]

/** Documents et liens de chaque public (une ressource pour plusieurs publics figure dans chacun). */
export function ressourcesParPublic(ressources: readonly RessourceFormation[]): { public: PublicFormation; libelle: string; ressources: RessourceFormation[] }[] {
  const utiles = ressources.filter((r) => r.type !== 'session' && adresseRessource(r))
  return ORDRE_PUBLICS.map((p) => ({
    public: p,
    libelle: PUBLICS_FORMATION[p],
    ressources: utiles
      .filter((r) => r.publics?.includes(p))
      .sort((a, b) => Number(a.type === 'lien') - Number(b.type === 'lien') || a.titre.localeCompare(b.titre, 'fr')),
  }))
}

/** Adresse à ouvrir : le fichier déposé s'il y en a un, sinon l'adresse saisie. */
export function adresseRessource(r: RessourceFormation): string | undefined {
  if (r.fichier && typeof r.fichier === 'object' && r.fichier.url) return r.fichier.url
  return r.url ?? undefined
}

export const estExterne = (adresse: string) => /^https?:\/\//.test(adresse)

/** « PDF – 120 Ko » pour un fichier déposé, si sa taille est connue. */
export function detailFichier(r: RessourceFormation): string | undefined {
  if (!r.fichier || typeof r.fichier !== 'object') return undefined
  const format = r.fichier.mimeType === 'application/pdf' ? 'PDF' : r.fichier.mimeType?.split('/')[1]?.toUpperCase()
  const taille = r.fichier.filesize ? `${Math.max(1, Math.round(r.fichier.filesize / 1024))} Ko` : undefined
  return [format, taille].filter(Boolean).join(' – ') || undefined
}

export function lieuEnMots(r: RessourceFormation): { texte: string; slug?: string } | undefined {
  if (r.lieuSite && typeof r.lieuSite === 'object') return { texte: r.lieuSite.nom, slug: r.lieuSite.slug }
  return r.lieuTexte ? { texte: r.lieuTexte } : undefined
}

/** Étapes consécutives d'un même moment regroupées, dans l'ordre de la liste. */
export function etapesParMoment<E extends EtapeParcours>(etapes: readonly E[]): { moment: string; etapes: E[] }[] {
  const groupes: { moment: string; etapes: E[] }[] = []
  for (const e of etapes) {
    const dernier = groupes[groupes.length - 1]
    if (dernier && dernier.moment === e.moment) dernier.etapes.push(e)
    else groupes.push({ moment: e.moment, etapes: [e] })
  }
  return groupes
}
