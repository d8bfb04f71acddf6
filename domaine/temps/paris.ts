/**
 * L'heure de Paris, en un seul endroit : heures murales ↔ instants UTC, sans
 * dépendre du fuseau de la machine.
 *
 * Une permanence « 14 h – 17 h » reste 14 h – 17 h à Bourg-en-Bresse après le
 * passage à l'heure d'été (dernier dimanche de mars) ou d'hiver (dernier
 * dimanche d'octobre) : ce sont les instants UTC qui changent (13 h Z l'hiver,
 * 12 h Z l'été). On ne lit donc jamais `getHours()` ni `new Date(y, m, d)`, qui
 * dépendent de la variable TZ du serveur ; on passe par `Intl` avec un fuseau
 * explicite, qui s'appuie sur la base tz embarquée dans Node (ICU).
 */

/** Fuseau du dispositif : toutes les heures affichées sont celles d'une horloge murale de l'Ain. */
export const FUSEAU = 'Europe/Paris'

/** Date civile « AAAA-MM-JJ » (sans heure ni fuseau). */
export type DateLocale = string
/** Heure murale « HH:MM ». */
export type HeureLocale = string

export type Composantes = { annee: number; mois: number; jour: number; heure: number; minute: number; seconde: number }

const formateurs = new Map<string, Intl.DateTimeFormat>()

function formateur(fuseau: string): Intl.DateTimeFormat {
  let f = formateurs.get(fuseau)
  if (!f) {
    // « en-US » + chiffres : seules des valeurs numériques sont lues, la langue importe peu.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: fuseau,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formateurs.set(fuseau, f)
  }
  return f
}

/** Composantes de l'horloge murale de `fuseau` à l'instant donné. */
export function composantes(instant: Date, fuseau: string = FUSEAU): Composantes {
  const parties: Record<string, number> = {}
  for (const p of formateur(fuseau).formatToParts(instant)) {
    if (p.type !== 'literal') parties[p.type] = Number(p.value)
  }
  return {
    annee: parties.year!,
    mois: parties.month!,
    jour: parties.day!,
    heure: parties.hour! % 24,
    minute: parties.minute!,
    seconde: parties.second!,
  }
}

/** Décalage (en minutes) de `fuseau` par rapport à UTC à cet instant : +60 l'hiver, +120 l'été à Paris. */
export function decalageMinutes(instant: Date, fuseau: string = FUSEAU): number {
  const c = composantes(instant, fuseau)
  const commeSiUtc = Date.UTC(c.annee, c.mois - 1, c.jour, c.heure, c.minute, c.seconde)
  const tronque = Math.floor(instant.getTime() / 1000) * 1000
  return Math.round((commeSiUtc - tronque) / 60_000)
}

const deux = (n: number) => String(n).padStart(2, '0')

export function formaterDateLocale(annee: number, mois: number, jour: number): DateLocale {
  return `${String(annee).padStart(4, '0')}-${deux(mois)}-${deux(jour)}`
}

export function lireDateLocale(date: DateLocale): { annee: number; mois: number; jour: number } {
  const [annee, mois, jour] = date.split('-').map(Number) as [number, number, number]
  return { annee, mois, jour }
}

export function lireHeure(heure: HeureLocale): { heure: number; minute: number } {
  const [h, m] = heure.split(':').map(Number) as [number, number]
  return { heure: h, minute: m }
}

/** Jour civil à `fuseau` de cet instant. */
export function jourLocal(instant: Date, fuseau: string = FUSEAU): DateLocale {
  const c = composantes(instant, fuseau)
  return formaterDateLocale(c.annee, c.mois, c.jour)
}

/** Heure murale « HH:MM » à `fuseau` de cet instant. */
export function heureLocale(instant: Date, fuseau: string = FUSEAU): HeureLocale {
  const c = composantes(instant, fuseau)
  return `${deux(c.heure)}:${deux(c.minute)}`
}

/**
 * Instant UTC correspondant à une heure murale de `fuseau`.
 *
 * On part de l'heure lue « comme si » elle était UTC, on essaie les décalages
 * en vigueur la veille, le jour et le lendemain, et on garde celui qui redonne
 * exactement l'heure murale demandée. Cas limites, qui ne touchent pas des
 * permanences de jour ouvré : une heure inexistante (2 h 30 le dernier dimanche
 * de mars) est avancée d'une heure, comme le font les agendas ; une heure
 * ambiguë (2 h 30 le dernier dimanche d'octobre) prend la première (heure d'été).
 */
export function instantLocal(date: DateLocale, heure: HeureLocale, fuseau: string = FUSEAU): Date {
  // Mémorisé : un flux départemental convertit quelques milliers d'heures murales, chacune
  // coûtant une dizaine d'appels à Intl. Le résultat ne dépend que des arguments.
  const cle = `${fuseau} ${date} ${heure}`
  let t = memoire.get(cle)
  if (t === undefined) {
    if (memoire.size >= 20_000) memoire.clear()
    t = calculerInstantLocal(date, heure, fuseau)
    memoire.set(cle, t)
  }
  return new Date(t)
}

const memoire = new Map<string, number>()

function calculerInstantLocal(date: DateLocale, heure: HeureLocale, fuseau: string): number {
  const { annee, mois, jour } = lireDateLocale(date)
  const { heure: h, minute } = lireHeure(heure)
  const naif = Date.UTC(annee, mois - 1, jour, h, minute)
  // Décalages possibles autour de cette date : ceux de la veille, du jour et du lendemain
  // (un changement d'heure n'a lieu qu'une fois dans cet intervalle).
  const decalages = [...new Set([-86_400_000, 0, 86_400_000].map((e) => decalageMinutes(new Date(naif + e), fuseau)))]
  const justes = decalages
    .map((d) => naif - d * 60_000)
    .filter((t) => jourLocal(new Date(t), fuseau) === date && heureLocale(new Date(t), fuseau) === heure)
  if (justes.length > 0) return Math.min(...justes)
  // Heure sautée au passage à l'heure d'été : on avance du saut.
  return naif - Math.min(...decalages) * 60_000
}

/** Décale une date civile de `n` jours (calcul en UTC pur : pas d'heure, pas de fuseau). */
export function ajouterJours(date: DateLocale, n: number): DateLocale {
  const { annee, mois, jour } = lireDateLocale(date)
  const d = new Date(Date.UTC(annee, mois - 1, jour + n))
  return formaterDateLocale(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
}

/** Jour de la semaine d'une date civile : 0 = dimanche … 6 = samedi. */
export function jourDeSemaine(date: DateLocale): number {
  const { annee, mois, jour } = lireDateLocale(date)
  return new Date(Date.UTC(annee, mois - 1, jour)).getUTCDay()
}

/** Date civile → minuit « UTC flottant », la convention de `rrule` quand aucun TZID n'est donné. */
export function versUtcFlottant(date: DateLocale): Date {
  const { annee, mois, jour } = lireDateLocale(date)
  return new Date(Date.UTC(annee, mois - 1, jour))
}

export function depuisUtcFlottant(d: Date): DateLocale {
  return formaterDateLocale(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
}
