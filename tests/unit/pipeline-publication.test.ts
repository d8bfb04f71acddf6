import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { PipelinePublication, type Constructeur, type EtatPublication } from '../../socle/publication/pipeline'

/**
 * Logique du pipeline sur le vrai système de fichiers. Le constructeur est ici
 * une fonction qui écrit une page (ou échoue) : la construction Astro réelle est
 * couverte par le test d'intégration de la publication.
 */
const dossierTemp = () => mkdtempSync(path.join(os.tmpdir(), 'passerelle-pipeline-'))

function constructeurQuiEcrit(contenu: () => string, journal: string[] = []): Constructeur {
  return async (sortie) => {
    journal.push(sortie)
    await new Promise((r) => setTimeout(r, 20))
    mkdirSync(path.join(sortie, 'client'), { recursive: true })
    writeFileSync(path.join(sortie, 'client', 'index.html'), contenu())
  }
}

const pageServie = (p: PipelinePublication) => readFileSync(path.join(p.constructionCourante()!, 'client', 'index.html'), 'utf8')

describe('pipeline de publication', () => {
  it('regroupe les demandes rapprochées en une seule construction', async () => {
    const journal: string[] = []
    const p = new PipelinePublication({ dossier: dossierTemp(), delaiMs: 50, construire: constructeurQuiEcrit(() => 'v1', journal) })
    p.demander('a')
    p.demander('b')
    p.demander('c')
    expect(p.etat.statut).toBe('planifiee')
    await new Promise((r) => setTimeout(r, 120))
    await p.attendre()
    expect(journal).toHaveLength(1)
    expect(p.etat.statut).toBe('reussie')
    expect(p.etat.raison).toBe('a, b, c')
    expect(p.etat.resume).toMatch(/^Dernière publication : réussie à \d\d:\d\d$/)
    expect(pageServie(p)).toBe('v1')
  })

  it("garde le dernier site valide quand une construction échoue, et dit pourquoi", async () => {
    let version = 'v1'
    let echouer = false
    const etats: EtatPublication[] = []
    const p = new PipelinePublication({
      dossier: dossierTemp(),
      delaiMs: 0,
      construire: async (sortie) => {
        mkdirSync(path.join(sortie, 'client'), { recursive: true })
        writeFileSync(path.join(sortie, 'client', 'index.html'), version)
        if (echouer) throw new Error('Site « ch-fleyriat » : champ rythme illisible')
      },
      surEtat: (e) => void etats.push(e),
    })
    await p.publier()
    const premier = p.constructionCourante()
    version = 'v2-cassée'
    echouer = true
    const etat = await p.publier()
    expect(etat.statut).toBe('echouee')
    expect(etat.erreur).toContain('champ rythme illisible')
    expect(etat.resume).toMatch(/échouée à .* version précédente/)
    expect(etat.derniereReussite).toBeDefined()
    expect(p.constructionCourante()).toBe(premier)
    expect(pageServie(p)).toBe('v1')
    // La construction ratée ne traîne pas sur le disque.
    expect(readdirSync(p.dossierConstructions)).toHaveLength(1)
    expect(etats.map((e) => e.statut)).toEqual(['en-cours', 'reussie', 'en-cours', 'echouee'])
  })

  it('relance une construction quand une modification arrive pendant la précédente', async () => {
    let n = 0
    const journal: string[] = []
    const p = new PipelinePublication({ dossier: dossierTemp(), delaiMs: 0, construire: constructeurQuiEcrit(() => `v${++n}`, journal) })
    const premiere = p.publier()
    void p.publier()
    await premiere
    await p.attendre()
    expect(journal).toHaveLength(2)
    expect(pageServie(p)).toBe('v2')
  })

  it('supprime les anciennes constructions sauf la courante et celle épinglée par le serveur', async () => {
    let n = 0
    const p = new PipelinePublication({ dossier: dossierTemp(), delaiMs: 0, construire: constructeurQuiEcrit(() => `v${++n}`), conserver: 1 })
    await p.publier()
    const epinglee = p.constructionCourante()!
    p.epingler(epinglee)
    for (let i = 0; i < 4; i++) await p.publier()
    const restantes = readdirSync(p.dossierConstructions).map((d) => path.join(p.dossierConstructions, d))
    expect(restantes).toContain(epinglee)
    expect(restantes).toContain(p.constructionCourante())
    expect(restantes).toHaveLength(3)
    expect(existsSync(epinglee)).toBe(true)
  })

  it("enregistre l'empreinte du code avec la construction", async () => {
    const p = new PipelinePublication({ dossier: dossierTemp(), delaiMs: 0, construire: constructeurQuiEcrit(() => 'x'), empreinte: 'abc123' })
    expect(p.empreinteCourante()).toBeUndefined()
    await p.publier()
    expect(p.empreinteCourante()).toBe('abc123')
  })
})
