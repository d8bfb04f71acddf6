import { createHash } from 'node:crypto'

/**
 * Plafonds des « Recherches sans résultat » (en mémoire, un seul serveur) :
 * un robot qui enverrait des milliers de recherches inventées ne doit pas
 * remplir la table, ni gonfler les comptes que l'opérateur lit. Deux plafonds
 * de nouvelles entrées par heure (toutes adresses confondues, et par adresse),
 * et un plafond de recherches comptées par adresse et par heure. L'adresse
 * n'est gardée qu'en empreinte tronquée, en mémoire, jamais en base.
 */
export type PlafondsRetour = {
  /** Nouvelles recherches gardées par heure, tous postes confondus. */
  nouvellesParHeure: number
  /** Nouvelles recherches gardées par heure depuis une même adresse. */
  nouvellesParAdresse: number
  /** Recherches comptées (nouvelles ou déjà vues) par heure depuis une même adresse. */
  comptagesParAdresse: number
}

export const PLAFONDS_RETOUR: PlafondsRetour = { nouvellesParHeure: 200, nouvellesParAdresse: 20, comptagesParAdresse: 60 }

const HEURE_MS = 60 * 60 * 1000

type Fenetre = { debut: number; nouvelles: number; comptages: number }

export class LimiteRetour {
  private readonly plafonds: PlafondsRetour
  private readonly maintenant: () => number
  private globale: Fenetre
  private readonly parAdresse = new Map<string, Fenetre>()

  constructor(options: { plafonds?: Partial<PlafondsRetour>; maintenant?: () => number } = {}) {
    this.plafonds = { ...PLAFONDS_RETOUR, ...options.plafonds }
    this.maintenant = options.maintenant ?? Date.now
    this.globale = { debut: this.maintenant(), nouvelles: 0, comptages: 0 }
  }

  private fenetreDe(adresse: string, instant: number): Fenetre {
    const cle = createHash('sha256').update(adresse).digest('hex').slice(0, 16)
    let f = this.parAdresse.get(cle)
    if (!f || instant - f.debut >= HEURE_MS) {
      f = { debut: instant, nouvelles: 0, comptages: 0 }
      this.parAdresse.set(cle, f)
      // Les fenêtres échues ne s'accumulent pas en mémoire.
      if (this.parAdresse.size > 10_000) for (const [k, v] of this.parAdresse) if (instant - v.debut >= HEURE_MS) this.parAdresse.delete(k)
    }
    return f
  }

  /**
   * Peut-on compter une recherche de cette adresse (`nouvelle` : elle
   * créerait une entrée) ? Si oui, elle est décomptée des plafonds.
   */
  autoriser(adresse: string, nouvelle: boolean): boolean {
    const instant = this.maintenant()
    if (instant - this.globale.debut >= HEURE_MS) this.globale = { debut: instant, nouvelles: 0, comptages: 0 }
    const f = this.fenetreDe(adresse || 'inconnue', instant)
    if (f.comptages >= this.plafonds.comptagesParAdresse) return false
    if (nouvelle && (f.nouvelles >= this.plafonds.nouvellesParAdresse || this.globale.nouvelles >= this.plafonds.nouvellesParHeure)) return false
    f.comptages++
    if (nouvelle) {
      f.nouvelles++
      this.globale.nouvelles++
    }
    return true
  }
}
