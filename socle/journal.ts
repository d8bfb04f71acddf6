import pino, { type DestinationStream, type Logger } from 'pino'

/**
 * Journal du serveur : une ligne JSON par événement (pino, que Payload emploie
 * déjà), lisible par les outils de supervision de la préfecture. Jamais de
 * donnée personnelle : ni adresse IP, ni paramètre de requête, ni corps, ni
 * message d'erreur (voir journauxCaviardes.ts) ; les segments de chemin qui
 * pourraient porter un jeton ou une saisie sont masqués.
 */
export type Journal = Logger

export function creerJournal(destination?: DestinationStream): Journal {
  return pino(
    {
      base: { service: 'passerelle' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (niveau) => ({ niveau }) },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  )
}

/** Le journal du processus serveur. */
export const journalServeur: Journal = creerJournal()

/** Un segment d'adresse « du site » (slug, numéro, fichier) : minuscules, chiffres, point, tiret ; court. */
const SEGMENT_SUR = /^[a-z0-9_][a-z0-9._-]{0,39}$/
/** Un fichier publié (feuille de style à empreinte, police, PDF…) : le nom est celui de la construction. */
const FICHIER = /^[A-Za-z0-9_-]{1,40}(\.[A-Za-z0-9_-]{1,20})?\.(css|js|mjs|woff2?|svg|png|jpe?g|webp|avif|ico|pdf|json|ics|txt|xml|webmanifest)$/
/** Les jetons d'invitation, de réinitialisation, etc. sont longs et aléatoires : jamais au journal. */
const OPAQUE = /^(?=.*[0-9])(?=.*[a-z])[a-z0-9_-]{20,}$/i

/**
 * Le chemin tel qu'il peut aller au journal : sans la requête (`?q=` porte une
 * recherche, `?retour=` une adresse), chaque segment inhabituel remplacé par
 * « :valeur » (un jeton d'invitation, un texte encodé, un courriel).
 */
export function cheminJournalisable(url: string): string {
  const chemin = url.split(/[?#]/, 1)[0] ?? '/'
  const segments = chemin.split('/').slice(0, 8)
  // Fichiers de la construction (noms à empreinte) : seulement sous /_astro et /_next.
  const construction = segments[1] === '_astro' || segments[1] === '_next'
  // Sous /api, au-delà de la collection, seul un identifiant numérique passe (un nom de fichier téléversé peut nommer quelqu'un).
  const api = segments[1] === 'api'
  const garder = (s: string, i: number) =>
    i === 0 || s === '' || /^[0-9]{1,12}$/.test(s) || (api && i > 2 ? false : (construction && FICHIER.test(s)) || (SEGMENT_SUR.test(s) && !OPAQUE.test(s)))
  return segments.map((s, i) => (garder(s, i) ? s : ':valeur')).join('/') || '/'
}

const ENTETE_CORRECT = /^[A-Za-z0-9._:-]{8,64}$/

/**
 * L'identifiant d'une requête : celui du proxy de confiance devant le portail
 * (nginx `$request_id`), pour relier ses journaux aux nôtres, s'il a une forme
 * sûre ; sinon un identifiant neuf. Celui d'un client direct n'est jamais repris.
 */
export function identifiantRequete(entete: string | string[] | undefined, depuisProxyDeConfiance: boolean, neuf: () => string): string {
  const propose = Array.isArray(entete) ? entete[0] : entete
  return depuisProxyDeConfiance && propose && ENTETE_CORRECT.test(propose) ? propose : neuf()
}
