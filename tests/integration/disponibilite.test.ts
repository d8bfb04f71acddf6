import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demarrerBaseDeTest, type BaseDeTest } from '../outils/payloadDeTest'
import { demarrerServeurSmtp, type ServeurSmtp } from '../outils/serveurSmtp'
import { SERVICES_CONTRAT } from '../contrat/donnees-recherche'
import type { ResultatVerification } from '../../socle/sante'

/**
 * /sante/pret sur de vraies dépendances : base de test (SQLite ou PostgreSQL),
 * moteur de recherche embarqué rempli, pipeline de publication sur disque,
 * relais SMTP réel (smtp-server) puis arrêté. Rien de simulé.
 */
let base: BaseDeTest
let smtp: ServeurSmtp
let dossier: string
type Modules = {
  disponibilite: typeof import('../../serveur/disponibilite')
  sante: typeof import('../../socle/sante')
  pipeline: typeof import('../../socle/publication/pipeline')
  partage: typeof import('../../search/partage')
  search: typeof import('../../search')
}
let m: Modules

beforeAll(async () => {
  base = await demarrerBaseDeTest()
  smtp = await demarrerServeurSmtp()
  dossier = mkdtempSync(path.join(os.tmpdir(), 'passerelle-disponibilite-'))
  m = {
    disponibilite: await import('../../serveur/disponibilite'),
    sante: await import('../../socle/sante'),
    pipeline: await import('../../socle/publication/pipeline'),
    partage: await import('../../search/partage'),
    search: await import('../../search'),
  }
})
afterAll(async () => {
  m?.partage.installerMoteur(undefined)
  await smtp?.fermer().catch(() => {})
  await base?.fermer()
  rmSync(dossier, { recursive: true, force: true })
})

describe(`disponibilité du portail (${process.env.PASSERELLE_TEST_BASE})`, () => {
  it('indisponible tant que ni index ni portail publié ; puis prête, avec le nombre de documents et la dernière publication', async () => {
    const pipeline = new m.pipeline.PipelinePublication({
      dossier,
      delaiMs: 0,
      construire: async (sortie) => {
        mkdirSync(path.join(sortie, 'client'), { recursive: true })
        writeFileSync(path.join(sortie, 'client', 'index.html'), 'ok')
      },
    })
    const verifications = m.disponibilite.verificationsDuPortail({ payload: base.payload, pipeline })
    const avant = await m.sante.evaluerDisponibilite(verifications)
    expect(avant.statut).toBe('indisponible')
    expect(avant.base).toEqual({ ok: true })
    expect(avant.recherche).toEqual({ ok: false, erreur: 'IndexNonCharge' })
    expect(avant.publication).toMatchObject({ ok: false, statut: 'jamais' })
    expect(avant.courriel).toBeUndefined()

    const moteur = m.search.creerMoteurEmbarque({ vocabulaire: m.search.vocabulaireParDefaut() })
    await moteur.remplacerTout(SERVICES_CONTRAT)
    m.partage.installerMoteur(moteur)
    await pipeline.publier()
    const apres = await m.sante.evaluerDisponibilite(verifications)
    expect(apres.statut).toBe('ok')
    expect(apres.recherche).toEqual({ ok: true, moteur: 'embarque', documents: SERVICES_CONTRAT.length })
    expect(apres.publication).toMatchObject({ ok: true, statut: 'reussie', modificationEnAttente: false })
    expect(Date.parse(String((apres.publication as ResultatVerification).derniereReussite))).toBeGreaterThan(Date.now() - 60_000)

    pipeline.demander('modification dans « Sites »')
    expect(((await m.sante.evaluerDisponibilite(verifications)).publication as ResultatVerification).modificationEnAttente).toBe(true)
    pipeline.arreter()
  })

  it('relais SMTP : joignable, puis arrêté (dégradé, code seul, jamais son adresse) ; résultat gardé en cache', async () => {
    const pipeline = new m.pipeline.PipelinePublication({ dossier, delaiMs: 0, construire: async () => {} })
    const urlAvecSecret = smtp.url.replace('smtp://', 'smtp://relais:mot-de-passe-secret@')
    // Le serveur de test n'accepte pas d'authentification en clair : un relais qui refuse les identifiants est vu aussi.
    const refuse = await m.sante.evaluerDisponibilite(m.disponibilite.verificationsDuPortail({ payload: base.payload, pipeline, smtpUrl: urlAvecSecret }))
    expect(refuse.courriel).toEqual({ ok: false, erreur: 'EAUTH' })
    const verifications = m.disponibilite.verificationsDuPortail({ payload: base.payload, pipeline, smtpUrl: smtp.url })
    const joignable = await m.sante.evaluerDisponibilite(verifications)
    expect(joignable.courriel).toEqual({ ok: true })

    await smtp.fermer()
    // Gardé en cache : la sonde n'ouvre pas une connexion à chaque appel.
    expect((await m.sante.evaluerDisponibilite(verifications)).courriel).toEqual({ ok: true })
    // Une vérification neuve (cache vide) voit le relais arrêté.
    const neuves = m.disponibilite.verificationsDuPortail({ payload: base.payload, pipeline, smtpUrl: urlAvecSecret })
    const debut = Date.now()
    const arrete = await m.sante.evaluerDisponibilite(neuves, 5000)
    expect(Date.now() - debut).toBeLessThan(5000)
    // nodemailer range le refus de connexion sous ESOCKET.
    expect(arrete.courriel).toEqual({ ok: false, erreur: 'ESOCKET' })
    expect(arrete.statut).toBe('degrade')
    const port = new URL(smtp.url).port
    for (const fuite of ['mot-de-passe-secret', 'relais', port, '127.0.0.1']) expect(JSON.stringify(arrete)).not.toContain(fuite)
  })
})
