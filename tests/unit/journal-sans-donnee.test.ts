import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { donneesDuContenu, fuitesDansLeJournal, semer, verifierJournalSansDonnee } from '../e2e/journalSansDonnee'

/**
 * Le crible des journaux des portails de test (tests/e2e/journalSansDonnee.ts,
 * appliqué à l'arrêt de chaque portail) : il doit trouver une donnée semée sous
 * les formes où un journal l'écrirait, sinon il ne prouverait rien.
 */
describe('crible des journaux', () => {
  it('trouve un nom tel quel, échappé en JSON, encodé dans une URL, sans égard à la casse', () => {
    const valeurs = ['Zéphyrine', 'Quillebeuf']
    expect(fuitesDansLeJournal('{"msg":"saisine de Zéphyrine"}', valeurs)).toEqual(['Zéphyrine'])
    expect(fuitesDansLeJournal(JSON.stringify({ msg: 'Z\u00e9phyrine' }).replace('é', '\\u00e9'), valeurs)).toEqual(['Zéphyrine'])
    expect(fuitesDansLeJournal('GET /connexion?nom=Z%C3%A9phyrine', valeurs)).toEqual(['Zéphyrine'])
    expect(fuitesDansLeJournal('{"personne":"QUILLEBEUF"}', valeurs)).toEqual(['Quillebeuf'])
    expect(fuitesDansLeJournal('{"msg":"requête","chemin":"/espace/saisines/:valeur"}', valeurs)).toEqual([])
  })

  it('trouve un téléphone écrit sans espaces', () => {
    expect(fuitesDansLeJournal('{"tel":"0612345678"}', ['06 12 34 56 78'])).toEqual(['06 12 34 56 78'])
  })

  it('connaît les courriels et téléphones du contenu amorcé', () => {
    const contenu = donneesDuContenu()
    expect(contenu).toContain('is-bresse-dombes@example.org')
    expect(contenu).toContain('04 65 71 90 01')
  })

  it('fait échouer l’arrêt d’un portail dont le journal contient une donnée semée', () => {
    const dossier = mkdtempSync(path.join(os.tmpdir(), 'passerelle-crible-'))
    const journal = path.join(dossier, 'serveur.log')
    semer(dossier, 'Philomène Vandermeersch')
    writeFileSync(journal, '{"niveau":"info","msg":"requête","chemin":"/espace"}\n')
    expect(() => verifierJournalSansDonnee(dossier, journal)).not.toThrow()
    writeFileSync(journal, '{"niveau":"info","msg":"dépôt de Philomène Vandermeersch"}\n', { flag: 'a' })
    expect(() => verifierJournalSansDonnee(dossier, journal)).toThrow(/Donnée personnelle dans le journal du serveur .*« Philomène Vandermeersch »/)
  })
})
