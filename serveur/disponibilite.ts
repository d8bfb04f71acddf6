import type { Payload } from 'payload'

import { moteurInstalle } from '../search/partage'
import { verifierRelais } from '../socle/courriel'
import type { PipelinePublication } from '../socle/publication/pipeline'
import { enCache, type Verification } from '../socle/sante'

/** Le relais n'est interrogé qu'une fois par période, quel que soit le nombre de sondes. */
export const CACHE_RELAIS_MS = 30_000

/**
 * Ce que `/sante/pret` vérifie sur le portail en service : la base, l'index de
 * recherche, la publication (un portail est en service, et l'état de la
 * dernière), et le relais de courriel quand SMTP_URL est configurée.
 */
export function verificationsDuPortail(o: { payload: Payload; pipeline: PipelinePublication; smtpUrl?: string }): Record<string, Verification> {
  const verifications: Record<string, Verification> = {
    base: {
      obligatoire: true,
      verifier: async () => {
        await o.payload.count({ collection: 'sites', overrideAccess: true })
        return { ok: true }
      },
    },
    recherche: {
      obligatoire: true,
      verifier: async () => {
        const moteur = moteurInstalle()
        if (!moteur) return { ok: false, erreur: 'IndexNonCharge' }
        const { documents, moteur: nom } = await moteur.statistiques()
        return { ok: true, moteur: nom, documents }
      },
    },
    publication: {
      // Sans portail en service, il n'y a rien à servir ; une dernière publication échouée, elle,
      // laisse le portail précédent en service : elle se lit dans le statut, sans rendre indisponible.
      obligatoire: true,
      verifier: async () => {
        const { statut, derniereReussite, debut } = o.pipeline.etat
        return {
          ok: o.pipeline.constructionCourante() !== undefined,
          statut,
          derniereReussite,
          debut: statut === 'en-cours' ? debut : undefined,
          modificationEnAttente: o.pipeline.demandeEnAttente() !== undefined,
        }
      },
    },
  }
  if (o.smtpUrl) {
    const smtpUrl = o.smtpUrl
    const relais = enCache(() => verifierRelais(smtpUrl, 2000), CACHE_RELAIS_MS)
    verifications.courriel = {
      obligatoire: false,
      verifier: async () => {
        const r = await relais()
        return r.ok ? { ok: true } : { ok: false, erreur: r.code }
      },
    }
  }
  return verifications
}
