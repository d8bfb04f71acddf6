import { logError } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { onRequest } from '../../site/middleware'
import { demarrerBaseDeTest, type BaseDeTest } from '../outils/payloadDeTest'

/**
 * Aucune donnée personnelle dans le journal, même quand une erreur 500 reprend
 * la saisie dans son message : le journal de Payload (celui de la configuration
 * réelle) et les erreurs des pages d'Astro n'écrivent que le type et la route.
 */
const COURRIEL = 'temoin.journal@example.org'
let base: BaseDeTest
beforeAll(async () => {
  base = await demarrerBaseDeTest()
})
afterAll(async () => base?.fermer())

/** Ce que le processus écrit sur sa sortie et sa sortie d'erreur pendant `action`. */
async function journalPendant(action: () => unknown): Promise<string> {
  const lignes: string[] = []
  const sorties = [process.stdout, process.stderr] as const
  const originaux = sorties.map((s) => s.write)
  sorties.forEach((s) => {
    s.write = ((morceau: string | Uint8Array, ...reste: unknown[]) => {
      lignes.push(String(morceau))
      return (originaux[sorties.indexOf(s)] as (...a: unknown[]) => boolean).call(s, morceau, ...reste)
    }) as typeof s.write
  })
  // Sous vitest, console.* ne passe pas par process.stderr.write : il est relevé aussi.
  const consoleOriginale = { log: console.log, error: console.error, warn: console.warn }
  for (const nom of ['log', 'error', 'warn'] as const)
    console[nom] = (...a: unknown[]) => {
      lignes.push(a.map(String).join(' ') + '\n')
      consoleOriginale[nom](...a)
    }
  try {
    await action()
    await new Promise((ok) => setTimeout(ok, 50))
  } finally {
    sorties.forEach((s, i) => (s.write = originaux[i]!))
    Object.assign(console, consoleOriginale)
  }
  return lignes.join('')
}

/** L'erreur d'une requête SQL refusée, telle que Drizzle la construit : ses paramètres dans le message. */
class DrizzleQueryError extends Error {
  override name = 'DrizzleQueryError'
}

describe(`journal de Payload (${process.env.PASSERELLE_TEST_BASE})`, () => {
  it('une erreur 500 qui cite un courriel n’écrit que son type', async () => {
    const erreur = new DrizzleQueryError(`Failed query: insert into "signalements" params: ${COURRIEL},Le numéro ne répond plus`)
    const journal = await journalPendant(() => logError({ err: erreur, payload: base.payload }))
    expect(journal).toContain('DrizzleQueryError')
    expect(journal).not.toContain(COURRIEL)
    expect(journal).not.toContain('Le numéro ne répond plus')
  })

  it('un texte libre au niveau « error » est remplacé, un message ordinaire passe', async () => {
    const journal = await journalPendant(() => {
      base.payload.logger.error(`Connexion refusée pour ${COURRIEL}`)
      base.payload.logger.error(new TypeError(`Cannot read ${COURRIEL}`))
      base.payload.logger.info('Migrations appliquées')
    })
    expect(journal).not.toContain(COURRIEL)
    expect(journal).toContain('TypeError')
    expect(journal).toContain('Migrations appliquées')
  })
})

describe('erreurs des pages d’Astro', () => {
  it('répondent 500 sans détail et ne journalisent que la route et le type', async () => {
    let reponse: Response | undefined
    const journal = await journalPendant(async () => {
      reponse = (await onRequest(
        {
          // Un formulaire lisible : le middleware laisse passer, la page échoue ensuite.
          request: new Request(`http://portail.local/annuaire/signaler?courriel=${COURRIEL}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: `courriel=${encodeURIComponent(COURRIEL)}`,
          }),
          url: new URL(`http://portail.local/annuaire/signaler?courriel=${COURRIEL}`),
        } as never,
        () => Promise.reject(new RangeError(`message invalide : ${COURRIEL}`)),
      )) as Response
    })
    expect(reponse?.status).toBe(500)
    expect(await reponse!.text()).not.toContain(COURRIEL)
    expect(journal).toContain('Erreur serveur sur POST /annuaire/signaler : RangeError')
    expect(journal).not.toContain(COURRIEL)
  })
})
