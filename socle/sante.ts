import { typeErreur } from './journauxCaviardes'

/**
 * Santé du portail, pour la sonde de Docker et la supervision de la préfecture.
 *
 * - `/sante` (vivacité) : le processus répond ; rien d'autre n'est interrogé,
 *   pour qu'une base lente ne fasse pas redémarrer un serveur sain.
 * - `/sante/pret` (disponibilité) : chaque dépendance est vérifiée avec un délai
 *   court. Une dépendance obligatoire en défaut rend le portail indisponible
 *   (503) ; une dépendance facultative (le relais de courriel) le rend seulement
 *   « dégradé » (200) : retirer tout le portail du service parce que les
 *   invitations ne partent plus ferait plus de mal que de bien.
 *
 * Ce qui sort d'ici ne porte ni donnée personnelle ni secret (jamais l'adresse
 * du relais, qui contient son mot de passe) : des états, des nombres, des dates,
 * le type d'une erreur.
 */
export type ResultatVerification = { ok: boolean } & Record<string, string | number | boolean | undefined>

export type Verification = { obligatoire: boolean; verifier: () => Promise<ResultatVerification> }

export type StatutDisponibilite = 'ok' | 'degrade' | 'indisponible'

export type Disponibilite = { statut: StatutDisponibilite } & Record<string, ResultatVerification | StatutDisponibilite>

export class DelaiDepasse extends Error {
  constructor(delaiMs: number) {
    super(`Pas de réponse en ${delaiMs} ms`)
    this.name = 'DelaiDepasse'
  }
}

/** La promesse, ou une erreur DelaiDepasse passé le délai (la promesse continue, son résultat est ignoré). */
export function avecDelai<T>(promesse: Promise<T>, delaiMs: number): Promise<T> {
  let minuterie: NodeJS.Timeout | undefined
  const delai = new Promise<never>((_, ko) => {
    minuterie = setTimeout(() => ko(new DelaiDepasse(delaiMs)), delaiMs)
    minuterie.unref?.()
  })
  return Promise.race([promesse, delai]).finally(() => clearTimeout(minuterie))
}

/** Une vérification qui lève ou dépasse le délai est en défaut ; seul le type de l'erreur est dit. */
async function verifierSansLever(verification: Verification, delaiMs: number): Promise<ResultatVerification> {
  try {
    return await avecDelai(verification.verifier(), delaiMs)
  } catch (e) {
    return { ok: false, erreur: typeErreur(e) }
  }
}

export async function evaluerDisponibilite(verifications: Record<string, Verification>, delaiMs = 2000): Promise<Disponibilite> {
  const noms = Object.keys(verifications)
  const resultats = await Promise.all(noms.map((nom) => verifierSansLever(verifications[nom]!, delaiMs)))
  let statut: StatutDisponibilite = 'ok'
  noms.forEach((nom, i) => {
    if (resultats[i]!.ok) return
    if (verifications[nom]!.obligatoire) statut = 'indisponible'
    else if (statut === 'ok') statut = 'degrade'
  })
  return { statut, ...Object.fromEntries(noms.map((nom, i) => [nom, resultats[i]!])) }
}

/**
 * Garde le résultat d'une vérification coûteuse pour un tiers (le relais SMTP)
 * pendant `dureeMs` : une sonde appelée toutes les 5 s par plusieurs
 * superviseurs ne doit pas ouvrir autant de connexions. Les appels simultanés
 * partagent la même vérification.
 */
export function enCache<T>(verifier: () => Promise<T>, dureeMs: number, maintenant: () => number = Date.now): () => Promise<T> {
  let garde: { promesse: Promise<T>; depuis: number } | undefined
  return () => {
    const t = maintenant()
    if (!garde || t - garde.depuis >= dureeMs) {
      const promesse = verifier()
      garde = { promesse, depuis: t }
      // Une vérification qui lève n'est pas gardée : la suivante réessaie.
      promesse.catch(() => {
        if (garde?.promesse === promesse) garde = undefined
      })
    }
    return garde.promesse
  }
}
