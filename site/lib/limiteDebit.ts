import { createHash } from 'node:crypto'

/**
 * Limite de débit en mémoire, par adresse du client (hachée : aucune adresse IP
 * n'est conservée en clair). Suffisant pour un serveur unique. L'adresse est
 * celle que donne le serveur (serveur/proxy.ts) : derrière le proxy de
 * confiance, celle du poste de l'agent, pas celle du proxy.
 *
 * Seuls les envois acceptés comptent : un agent qui corrige trois fois un
 * formulaire incomplet n'épuise pas son crédit.
 */
type Fenetre = { debut: number; nombre: number }
export type OptionsLimite = { max?: number; fenetreMs?: number; maintenant?: number }

export class LimiteDebit {
  private readonly fenetres = new Map<string, Fenetre>()
  private readonly max: number
  private readonly fenetreMs: number

  constructor({ max = 10, fenetreMs = 10 * 60 * 1000 }: Omit<OptionsLimite, 'maintenant'> = {}) {
    this.max = max
    this.fenetreMs = fenetreMs
  }

  private fenetre(adresse: string, maintenant: number): [string, Fenetre | undefined] {
    const cle = createHash('sha256').update(adresse).digest('hex').slice(0, 16)
    const f = this.fenetres.get(cle)
    return [cle, f && maintenant - f.debut < this.fenetreMs ? f : undefined]
  }

  /** Vrai si cette adresse a déjà fait tous les envois permis dans la fenêtre. */
  atteinte(adresse: string, maintenant = Date.now()): boolean {
    return (this.fenetre(adresse, maintenant)[1]?.nombre ?? 0) >= this.max
  }

  /** Compte un envoi accepté. */
  compter(adresse: string, maintenant = Date.now()): void {
    const [cle, f] = this.fenetre(adresse, maintenant)
    if (f) f.nombre++
    else {
      this.fenetres.set(cle, { debut: maintenant, nombre: 1 })
      if (this.fenetres.size > 10_000)
        for (const [k, v] of this.fenetres) if (maintenant - v.debut >= this.fenetreMs) this.fenetres.delete(k)
    }
  }
}

/** Signalements d'erreur dans l'annuaire : 10 par poste et par 10 minutes. */
export const limiteSignalements = new LimiteDebit()

/**
 * Saisies gardées en attente de reconnexion : un envoi sans session valide
 * écrit en base, il faut donc le borner — 5 par poste et par 10 minutes, et
 * seulement quand le navigateur présente un cookie de session (expiré) : une
 * requête qui n'en a jamais eu n'a pas de saisie à sauver.
 */
export const limiteSaisiesEnAttente = new LimiteDebit({ max: 5 })
