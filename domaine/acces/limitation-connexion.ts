/**
 * Limitation des tentatives de connexion, pensée pour qu'on ne puisse pas
 * empêcher quelqu'un d'autre de se connecter :
 *
 * - les échecs sont comptés par couple (compte, adresse du client) : au-delà de
 *   quelques essais libres, chaque nouvel essai attend un délai qui double, sans
 *   jamais verrouiller le compte. Celui qui tape depuis son poste n'est pas
 *   gêné par les échecs d'un autre poste sur le même compte ;
 * - une adresse a un plafond d'échecs sur une fenêtre glissante, tous comptes
 *   confondus : essayer un mot de passe sur beaucoup de comptes est freiné ;
 * - le compte est compté tel que saisi, qu'il existe ou non, et le refus dit la
 *   même chose dans tous les cas : rien ne révèle quels comptes existent.
 *
 * Chaque essai compte comme un échec dès qu'il est autorisé, et la réussite
 * l'efface : des essais lancés en parallèle ne passent pas entre les mailles.
 * L'horloge est injectée pour être testée sans attendre.
 */
export type ReglesLimitation = {
  /** Échecs tolérés sans délai pour un couple (compte, adresse). */
  essaisLibres: number
  delaiInitialMs: number
  delaiMaximalMs: number
  /** Un couple sans échec depuis ce temps repart de zéro. */
  oubliMs: number
  /** Échecs tolérés pour une adresse, tous comptes confondus, sur la fenêtre. */
  plafondParAdresse: number
  fenetreAdresseMs: number
  /** Garde-fou mémoire : au-delà, les entrées les plus anciennes sont oubliées. */
  entreesMax: number
}

export const REGLES_PAR_DEFAUT: ReglesLimitation = {
  essaisLibres: 5,
  delaiInitialMs: 1_000,
  delaiMaximalMs: 15 * 60_000,
  oubliMs: 24 * 60 * 60_000,
  plafondParAdresse: 50,
  fenetreAdresseMs: 15 * 60_000,
  entreesMax: 100_000,
}

export type Verdict = { autorise: true } | { autorise: false; attendreMs: number }

type Couple = { echecs: number; dernier: number }

export class LimiteurConnexion {
  private readonly couples = new Map<string, Couple>()
  private readonly adresses = new Map<string, number[]>()

  constructor(
    private readonly regles: ReglesLimitation = REGLES_PAR_DEFAUT,
    private readonly horloge: () => number = Date.now,
  ) {}

  /** Autorise ou non un essai ; un essai autorisé est compté comme un échec jusqu'à `reussite`. */
  essayer(compte: string, adresse: string): Verdict {
    const maintenant = this.horloge()
    const cle = cleCouple(compte, adresse)
    const couple = this.coupleActif(cle, maintenant)
    const echecsAdresse = this.echecsRecents(adresse, maintenant)

    const attenteCouple = couple && couple.echecs >= this.regles.essaisLibres ? couple.dernier + this.delai(couple.echecs) - maintenant : 0
    const attenteAdresse =
      echecsAdresse.length >= this.regles.plafondParAdresse
        ? echecsAdresse[echecsAdresse.length - this.regles.plafondParAdresse]! + this.regles.fenetreAdresseMs - maintenant
        : 0
    const attendreMs = Math.max(attenteCouple, attenteAdresse)
    if (attendreMs > 0) return { autorise: false, attendreMs }

    this.oublierSiPlein()
    this.couples.delete(cle)
    this.couples.set(cle, { echecs: (couple?.echecs ?? 0) + 1, dernier: maintenant })
    echecsAdresse.push(maintenant)
    this.adresses.delete(adresse)
    this.adresses.set(adresse, echecsAdresse)
    return { autorise: true }
  }

  /** Connexion réussie : le couple repart de zéro et l'essai ne pèse plus sur l'adresse. */
  reussite(compte: string, adresse: string) {
    this.couples.delete(cleCouple(compte, adresse))
    const echecs = this.adresses.get(adresse)
    echecs?.pop()
    if (echecs && echecs.length === 0) this.adresses.delete(adresse)
  }

  /** Délai imposé avant l'essai suivant, après `echecs` échecs (dont les essais libres). */
  private delai(echecs: number): number {
    const rang = echecs - this.regles.essaisLibres
    return Math.min(this.regles.delaiInitialMs * 2 ** rang, this.regles.delaiMaximalMs)
  }

  private coupleActif(cle: string, maintenant: number): Couple | undefined {
    const couple = this.couples.get(cle)
    if (couple && maintenant - couple.dernier >= this.regles.oubliMs) {
      this.couples.delete(cle)
      return undefined
    }
    return couple
  }

  private echecsRecents(adresse: string, maintenant: number): number[] {
    return (this.adresses.get(adresse) ?? []).filter((t) => maintenant - t < this.regles.fenetreAdresseMs)
  }

  // Les Map gardent l'ordre d'insertion, et chaque mise à jour réinsère : la première entrée est la plus ancienne.
  private oublierSiPlein() {
    for (const table of [this.couples, this.adresses] as Map<string, unknown>[]) {
      while (table.size >= this.regles.entreesMax) table.delete(table.keys().next().value!)
    }
  }
}

// Le compte est comparé comme Payload le cherche (minuscules, sans espaces autour).
const cleCouple = (compte: string, adresse: string) => `${compte.trim().toLowerCase()}\u0000${adresse}`

export function messageAttente(attendreMs: number): string {
  const minutes = Math.ceil(attendreMs / 60_000)
  const duree = attendreMs < 60_000 ? `${Math.max(1, Math.ceil(attendreMs / 1000))} s` : `${minutes} min`
  return `Trop de tentatives de connexion : réessayez dans ${duree}.`
}
