import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Utilisateur } from '../../cms/payload-types'
import type { ActeurEspace } from '../../cms/saisines/acteur'
import { creerPremierOperateur, demarrerBaseDeTest, racine, type BaseDeTest } from '../outils/payloadDeTest'
import { fabriquerPdf } from '../outils/pdf'

/**
 * Sauvegarde puis restauration, par les vraies commandes (`npm run sauvegarde`,
 * `npm run restauration`), sur SQLite et PostgreSQL : rien de perdu (chaque
 * collection, empreinte de chaque média, champs chiffrés relus avec les clés),
 * rien d'écrit tant que la sauvegarde ou les clés ne sont pas vérifiées.
 */
const executer = promisify(execFile)
const npm = (args: string[], env: Record<string, string | undefined> = {}) =>
  executer('npm', ['run', '--silent', ...args], { cwd: racine, env: { ...process.env, ...env }, timeout: 240_000 }).then(
    (r) => ({ code: 0, sortie: r.stdout, erreurs: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, sortie: e.stdout, erreurs: e.stderr }),
  )

let base: BaseDeTest
let payload: Payload
let intervenant: ActeurEspace
let saisineId: number
let fichier: string

const empreintesMedias = () => {
  const dossier = path.join(base.dossier, 'medias')
  return Object.fromEntries(readdirSync(dossier).map((f) => [f, createHash('sha256').update(readFileSync(path.join(dossier, f))).digest('hex')]))
}
const comptes = async (p: Payload) => Object.fromEntries(await Promise.all(['sites', 'utilisateurs', 'saisines', 'actes', 'medias', 'journal'].map(async (c) => [c, (await p.count({ collection: c as 'sites', overrideAccess: true })).totalDocs])))

/** Payload garde son instance en cache : après une restauration, on en ouvre une neuve sur la base remplacée. */
async function rouvrir(): Promise<Payload> {
  await payload.destroy()
  ;(globalThis as unknown as { _payload: Map<string, unknown> })._payload.delete('default')
  const { preparerPayload } = await import('../../cms/base')
  payload = await preparerPayload()
  return payload
}

beforeAll(async () => {
  process.env.SAISINES_EN_LIGNE = 'oui'
  base = await demarrerBaseDeTest()
  payload = base.payload
  await creerPremierOperateur(base, { email: 'operateur-sauvegarde@example.org', password: 'motdepasse-de-test-sauvegarde-1' })
  const ctx = { sansPublication: true }
  const site = await payload.create({ collection: 'sites', data: { nom: 'Commissariat de Bourg', slug: 'commissariat-bourg', type: 'commissariat', commune: '01053' }, overrideAccess: true, context: ctx })
  const poste = await payload.create({ collection: 'postes', data: { intitule: 'IS Bourg', slug: 'is-bourg', secteur: 'Bourg', sites: [site.id] }, overrideAccess: true, context: ctx })
  const { acteurSaisineDe } = await import('../../cms/saisines/acteur')
  intervenant = acteurSaisineDe((await payload.create({ collection: 'utilisateurs', data: { email: 'is-sauvegarde@example.org', role: 'intervenant', poste: poste.id }, overrideAccess: true })) as Utilisateur)!
  const { deposerSaisine } = await import('../../cms/saisines/depot')
  const { ajouterActe } = await import('../../cms/saisines/traitement')
  const r = await deposerSaisine(
    payload,
    intervenant,
    {
      mode: 'telephone', date: '2026-11-30', urgence: 'non', profil: 'victime', problematique: 'violences-conjugales', accepteContact: 'oui',
      'personnes.0.nom': 'Abélard-Sauvegarde', 'personnes.0.prenom': 'Ombeline', 'personnes.0.dateNaissance': '1984-02-29',
      'personnes.0.sexe': 'femme', 'personnes.0.situationFamiliale': 'separe', texteLibre: 'Texte libre de la sauvegarde.',
    },
    { urlPortail: 'http://localhost' },
  )
  if (!r.ok) throw new Error(JSON.stringify(r.erreurs))
  saisineId = r.id
  await ajouterActe(payload, intervenant, saisineId, { type: 'entretien', date: '2026-12-01', texte: 'Compte rendu chiffré.' })
  const PDF = await fabriquerPdf('Plaquette de la sauvegarde')
  await payload.create({ collection: 'medias', data: { alt: 'Plaquette' }, file: { data: PDF, mimetype: 'application/pdf', name: 'plaquette.pdf', size: PDF.length }, context: ctx })
  fichier = path.join(base.dossier, 'essai.sauvegarde')
}, 120_000)
afterAll(async () => {
  if (payload && payload !== base?.payload) {
    await payload.destroy()
    // Comme dans fermer() : la suppression forcée de la base coupe les connexions inactives du pool rouvert.
    ;(payload.db as unknown as { pool?: { on: (e: string, f: () => void) => void } }).pool?.on('error', () => {})
  }
  ;(globalThis as unknown as { _payload?: Map<string, unknown> })._payload?.delete('default')
  await base?.fermer()
})

describe(`sauvegarde et restauration (${process.env.PASSERELLE_TEST_BASE})`, () => {
  let avant: Record<string, number>
  let medias: Record<string, string>

  it('npm run sauvegarde écrit un fichier chiffré, illisible sans la clé, avec son manifeste', async () => {
    avant = await comptes(payload)
    medias = empreintesMedias()
    const r = await npm(['sauvegarde', '--', '--sortie', fichier])
    expect(r.erreurs.trim() ? r.erreurs : '').not.toMatch(/impossible/)
    expect(r.code).toBe(0)
    expect(r.sortie).toMatch(/Sauvegarde écrite/)
    const octets = readFileSync(fichier)
    expect(octets.subarray(0, 24).toString()).toBe('PASSERELLE-SAUVEGARDE-1\n')
    for (const clair of ['Abélard', 'Ombeline', 'SQLite format', 'PGDMP', 'manifeste', '%PDF']) expect(octets.includes(Buffer.from(clair))).toBe(false)
    expect(statSync(fichier).mode & 0o077).toBe(0)
  }, 300_000)

  it('une restauration simulée vérifie tout et n’écrit rien ; une clé de pseudonymisation différente est refusée avant toute écriture', async () => {
    await payload.create({ collection: 'sites', data: { nom: 'Site créé après la sauvegarde', slug: 'apres', type: 'commissariat', commune: '01053' }, overrideAccess: true, context: { sansPublication: true } })
    const simulee = await npm(['restauration', '--', fichier, '--dry-run'])
    expect(simulee.code).toBe(0)
    expect(simulee.sortie).toMatch(/empreintes vérifiées[\s\S]*Simulation \(--dry-run\)/)
    expect((await payload.count({ collection: 'sites', overrideAccess: true })).totalDocs).toBe(avant.sites! + 1)
    const mauvaiseCle = await npm(['restauration', '--', fichier], { PASSERELLE_CLE_PSEUDONYMISATION: 'e'.repeat(64) })
    expect(mauvaiseCle.code).toBe(1)
    expect(mauvaiseCle.erreurs).toMatch(/Restauration refusée, rien n’a été écrit[\s\S]*PASSERELLE_CLE_PSEUDONYMISATION/)
    const { lireSauvegarde } = await import('../../cms/sauvegarde/restaurer')
    await expect(lireSauvegarde(fichier, Buffer.alloc(32, 7), mkdtempSync(path.join(base.dossier, 'lecture-')))).rejects.toThrow(/autre clé/)
    expect((await payload.count({ collection: 'sites', overrideAccess: true })).totalDocs).toBe(avant.sites! + 1)
  }, 300_000)

  it('la restauration remet chaque collection, chaque média et les champs chiffrés, relus avec les clés', async () => {
    await payload.destroy()
    const r = await npm(['restauration', '--', fichier])
    expect(r.erreurs).toBe('')
    expect(r.code).toBe(0)
    expect(r.sortie).toMatch(/chaque collection a le nombre d’enregistrements du manifeste/)
    const p = await rouvrir()
    expect(await comptes(p)).toEqual(avant)
    expect(empreintesMedias()).toEqual(medias)
    const { lireSaisine } = await import('../../cms/saisines/lecture')
    const vue = await lireSaisine(p, intervenant, saisineId)
    if (vue?.vue !== 'complete') throw new Error('vue complète attendue')
    expect(vue.personnes[0]?.identite).toMatchObject({ nom: 'Abélard-Sauvegarde', prenom: 'Ombeline', dateNaissance: '1984-02-29' })
    expect(vue.actes[0]?.texte).toBe('Compte rendu chiffré.')
  }, 300_000)

  it('une sauvegarde altérée est refusée sans rien écrire', async () => {
    const { writeFileSync } = await import('node:fs')
    const altere = Buffer.from(readFileSync(fichier))
    altere[altere.length - 40]! ^= 0xff
    const chemin = path.join(base.dossier, 'alteree.sauvegarde')
    writeFileSync(chemin, altere)
    const avantEssai = await comptes(payload)
    const { restaurer } = await import('../../cms/sauvegarde/restaurer')
    await expect(restaurer({ fichier: chemin })).rejects.toThrow(/altérée ou tronquée/)
    expect(await comptes(payload)).toEqual(avantEssai)
  }, 300_000)
})
