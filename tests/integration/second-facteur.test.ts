import { sql as sqlPostgres } from '@payloadcms/db-postgres'
import { sql as sqlSqlite } from '@payloadcms/db-sqlite'
import { decodeBase32IgnorePadding } from '@oslojs/encoding'
import { generateHOTP } from '@oslojs/otp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Utilisateur } from '../../cms/payload-types'
import { pasTotp } from '../../domaine/acces/second-facteur'
import { creerCompte, creerPremierOperateur, demarrerBaseDeTest, type BaseDeTest } from '../outils/payloadDeTest'

/**
 * Le second facteur sur une vraie base : enrôlement par QR code, vérification
 * d'un code de l'application (une seule fois par pas), codes de secours à usage
 * unique, et secret chiffré au repos (la ligne de la base, lue en SQL, ne
 * contient pas le secret). L'horloge est passée aux fonctions : pas d'attente.
 */
let base: BaseDeTest
let sf: typeof import('../../cms/comptes/secondFacteur')
let operateur: Utilisateur
let agent: Utilisateur
const MOT_DE_PASSE = 'motdepasse-de-test-second-facteur'
const T0 = Date.UTC(2026, 11, 3, 9, 0, 0)

const compte = (email: string, role: NonNullable<Utilisateur['role']>) =>
  creerCompte(base, { email, role, motDePasse: MOT_DE_PASSE }) as Promise<Utilisateur>

/** Ce qu'afficherait l'application d'authentification, à partir du secret lu dans l'URI du QR code. */
const codeAffiche = (uri: string, instantMs: number) => {
  const secret = decodeBase32IgnorePadding(new URL(uri).searchParams.get('secret')!)
  return generateHOTP(secret, BigInt(pasTotp(instantMs)), 6)
}

/** La ligne brute du compte, en SQL, sans passer par Payload. */
async function ligneBrute(id: number): Promise<Record<string, unknown>> {
  const db = base.payload.db as unknown as { drizzle: { all?: (q: unknown) => Promise<unknown[]>; execute?: (q: unknown) => Promise<{ rows: unknown[] }> } }
  const requete = `SELECT * FROM utilisateurs WHERE id = ${Number(id)}`
  const lignes = base.type === 'sqlite' ? await db.drizzle.all!(sqlSqlite.raw(requete)) : (await db.drizzle.execute!(sqlPostgres.raw(requete))).rows
  return lignes[0] as Record<string, unknown>
}

beforeAll(async () => {
  base = await demarrerBaseDeTest()
  sf = await import('../../cms/comptes/secondFacteur')
  operateur = (await creerPremierOperateur(base, { email: 'operateur-2fa@example.org', password: MOT_DE_PASSE })) as Utilisateur
  agent = await compte('agent-2fa@interieur.gouv.fr', 'agent-fsi')
})
afterAll(async () => base?.fermer())

describe(`second facteur (${process.env.PASSERELLE_TEST_BASE})`, () => {
  let uri: string
  let codesSecours: string[]

  it('enrôlement : un secret proposé, le même tant qu’il n’est pas confirmé, gardé chiffré', async () => {
    expect(await sf.etatSecondFacteur(base.payload, operateur.id)).toMatchObject({ actif: false, obligatoire: true, desactivable: false })
    const enrolement = await sf.commencerEnrolement(base.payload, operateur.id)
    uri = enrolement.uri
    expect(uri).toMatch(/^otpauth:\/\/totp\/Passerelle%20ISCG%20Ain:operateur-2fa%40example\.org\?/)
    expect((await sf.commencerEnrolement(base.payload, operateur.id)).uri).toBe(uri)
    const secret = new URL(uri).searchParams.get('secret')!
    expect(enrolement.secretLisible.replace(/ /g, '')).toBe(secret)
    const ligne = await ligneBrute(operateur.id)
    expect(String(ligne.totp_en_attente)).toMatch(/^v1:[0-9a-f]{8}:/)
    expect(JSON.stringify(ligne)).not.toContain(secret)
  })

  it('confirmation : un mauvais code est refusé en nommant le champ ; le bon active et rend 10 codes de secours une fois', async () => {
    const mauvais = await sf.confirmerEnrolement(base.payload, operateur.id, '000000', { maintenantMs: T0 })
    expect(mauvais).toEqual({ ok: false, erreur: expect.stringMatching(/^Code : /) })
    const resultat = await sf.confirmerEnrolement(base.payload, operateur.id, codeAffiche(uri, T0), { maintenantMs: T0 })
    if (!resultat.ok) throw new Error(resultat.erreur)
    codesSecours = resultat.codesSecours
    expect(codesSecours).toHaveLength(10)
    expect(await sf.etatSecondFacteur(base.payload, operateur.id)).toMatchObject({ actif: true, codesSecoursRestants: 10 })
    // Plus d'enrôlement sans passer le second facteur : un mot de passe volé ne remplace pas le téléphone.
    await expect(sf.commencerEnrolement(base.payload, operateur.id)).rejects.toThrow(/déjà actif/)
    const journal = await base.payload.find({ collection: 'journal', where: { action: { equals: 'second-facteur-active' } }, overrideAccess: true })
    expect(journal.docs.map((l) => l.cible)).toEqual([`utilisateurs:${operateur.id}`])
  })

  it('le secret n’est lisible ni en SQL ni par l’API, même pour l’opérateur', async () => {
    const secret = new URL(uri).searchParams.get('secret')!
    const ligne = await ligneBrute(operateur.id)
    expect(String(ligne.totp_secret)).toMatch(/^v1:[0-9a-f]{8}:/)
    expect(ligne.totp_en_attente).toBeNull()
    const brut = JSON.stringify(ligne)
    expect(brut).not.toContain(secret)
    expect(brut).not.toContain(Buffer.from(decodeBase32IgnorePadding(secret)).toString('base64'))
    for (const code of codesSecours) expect(brut).not.toContain(code)
    const lu = await base.payload.findByID({ collection: 'utilisateurs', id: operateur.id, overrideAccess: false, user: { ...operateur, collection: 'utilisateurs' } })
    expect(lu).not.toHaveProperty('totpSecret')
    expect(lu).not.toHaveProperty('codesSecours')
    // Même en demandant les champs cachés, l'accès au champ les retire.
    const cache = await base.payload.findByID({ collection: 'utilisateurs', id: operateur.id, overrideAccess: false, user: { ...operateur, collection: 'utilisateurs' }, showHiddenFields: true })
    expect(cache.totpSecret ?? null).toBeNull()
    await base.payload.update({ collection: 'utilisateurs', id: operateur.id, data: { totpSecret: 'remplacé' }, overrideAccess: false, user: { ...operateur, collection: 'utilisateurs' } })
    expect(String((await ligneBrute(operateur.id)).totp_secret)).toMatch(/^v1:/)
  })

  it('vérification : un code de l’application passe une fois ; le même code (même pas) est ensuite refusé', async () => {
    const t = T0 + 60_000
    const code = codeAffiche(uri, t)
    expect(await sf.verifierSecondFacteur(base.payload, operateur.id, code, { maintenantMs: t })).toEqual({ ok: true, moyen: 'totp', codesSecoursRestants: 10 })
    expect(await sf.verifierSecondFacteur(base.payload, operateur.id, code, { maintenantMs: t })).toEqual({ ok: false, erreur: expect.stringMatching(/^Code : ce code vient déjà de servir/) })
    // Le code du pas suivant, 30 s plus tard, passe.
    expect((await sf.verifierSecondFacteur(base.payload, operateur.id, codeAffiche(uri, t + 30_000), { maintenantMs: t + 30_000 })).ok).toBe(true)
    expect(await sf.verifierSecondFacteur(base.payload, operateur.id, 'pas-un-code', { maintenantMs: t })).toEqual({ ok: false, erreur: expect.stringMatching(/^Code : /) })
  })

  it('codes de secours : chacun sert une fois, puis la régénération invalide les anciens', async () => {
    const [premier, second] = codesSecours
    expect(await sf.verifierSecondFacteur(base.payload, operateur.id, premier!.toUpperCase(), { maintenantMs: T0 })).toEqual({ ok: true, moyen: 'code-secours', codesSecoursRestants: 9 })
    expect(await sf.verifierSecondFacteur(base.payload, operateur.id, premier!, { maintenantMs: T0 })).toEqual({ ok: false, erreur: expect.stringMatching(/déjà servi/) })
    expect(((await ligneBrute(operateur.id)).codes_secours as string)).not.toContain(premier!.replace('-', ''))

    const t = T0 + 5 * 60_000
    const nouveaux = await sf.regenererCodesSecours(base.payload, operateur.id, codeAffiche(uri, t), { maintenantMs: t })
    if (!nouveaux.ok) throw new Error(nouveaux.erreur)
    expect(nouveaux.codesSecours).toHaveLength(10)
    expect((await sf.verifierSecondFacteur(base.payload, operateur.id, second!, { maintenantMs: t })).ok).toBe(false)
    expect((await sf.verifierSecondFacteur(base.payload, operateur.id, nouveaux.codesSecours[0]!, { maintenantMs: t })).ok).toBe(true)
    const journal = await base.payload.find({ collection: 'journal', where: { action: { equals: 'codes-secours-regeneres' } }, overrideAccess: true })
    expect(journal.totalDocs).toBe(1)
  })

  it('requêtes simultanées avec le même code : une seule passe (code de l’application comme code de secours)', async () => {
    const coordination = await compte('coordination-2fa@example.org', 'coordination')
    const t = T0 + 20 * 60_000
    const enrolement = await sf.commencerEnrolement(base.payload, coordination.id)
    const active = await sf.confirmerEnrolement(base.payload, coordination.id, codeAffiche(enrolement.uri, t), { maintenantMs: t })
    if (!active.ok) throw new Error(active.erreur)
    const ensemble = (code: string, instant: number) =>
      Promise.all(Array.from({ length: 4 }, () => sf.verifierSecondFacteur(base.payload, coordination.id, code, { maintenantMs: instant })))
    const totp = await ensemble(codeAffiche(enrolement.uri, t + 30_000), t + 30_000)
    expect(totp.filter((r) => r.ok)).toHaveLength(1)
    const secours = await ensemble(active.codesSecours[0]!, t + 30_000)
    expect(secours.filter((r) => r.ok)).toHaveLength(1)
    expect(await sf.etatSecondFacteur(base.payload, coordination.id)).toMatchObject({ codesSecoursRestants: 9 })
  })

  it('désactivation : refusée là où le second facteur est obligatoire, permise à l’agent avec un code', async () => {
    const t = T0 + 10 * 60_000
    expect(await sf.desactiver(base.payload, operateur.id, codeAffiche(uri, t), { maintenantMs: t })).toEqual({ ok: false, erreur: expect.stringMatching(/obligatoire/) })

    const enrolement = await sf.commencerEnrolement(base.payload, agent.id)
    expect((await sf.confirmerEnrolement(base.payload, agent.id, codeAffiche(enrolement.uri, t), { maintenantMs: t })).ok).toBe(true)
    expect(await sf.etatSecondFacteur(base.payload, agent.id)).toMatchObject({ actif: true, obligatoire: false, desactivable: true })
    const plusTard = t + 30_000
    expect(await sf.desactiver(base.payload, agent.id, codeAffiche(enrolement.uri, plusTard), { maintenantMs: plusTard })).toEqual({ ok: true })
    expect(await sf.etatSecondFacteur(base.payload, agent.id)).toMatchObject({ actif: false, codesSecoursRestants: 0 })
    const ligne = await ligneBrute(agent.id)
    expect([ligne.totp_secret, ligne.codes_secours, ligne.totp_dernier_pas]).toEqual([null, null, null])
  })
})
