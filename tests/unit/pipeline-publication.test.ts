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

/**
 * Reprise après un arrêt brutal : le marqueur « demande en attente » est sur le
 * disque, et un second pipeline sur le même dossier (le processus suivant) le
 * trouve. Un processus tué est figuré par une construction qui ne finit jamais.
 */
const jamais = (): Promise<void> => new Promise(() => {})

describe('reprise de la publication après un arrêt brutal', () => {
  it('une demande est notée sur le disque et effacée par la publication réussie qui l’a prise en compte', async () => {
    const dossier = dossierTemp()
    const p = new PipelinePublication({ dossier, delaiMs: 10_000, construire: constructeurQuiEcrit(() => 'v1') })
    expect(p.demandeEnAttente()).toBeUndefined()
    p.demander('modification dans « Structures partenaires »')
    expect(existsSync(p.fichierAttente)).toBe(true)
    expect(p.demandeEnAttente()?.raison).toBe('modification dans « Structures partenaires »')
    await p.publier()
    expect(p.etat.statut).toBe('reussie')
    expect(p.demandeEnAttente()).toBeUndefined()
  })

  it('une demande arrivée pendant la construction reste notée si la publication suivante échoue', async () => {
    let n = 0
    let liberer!: () => void
    const p = new PipelinePublication({
      dossier: dossierTemp(),
      delaiMs: 0,
      construire: async (sortie) => {
        n++
        if (n === 1) {
          await new Promise<void>((ok) => (liberer = ok))
          mkdirSync(path.join(sortie, 'client'), { recursive: true })
          writeFileSync(path.join(sortie, 'client', 'index.html'), 'v1')
          return
        }
        throw new Error('base injoignable')
      },
    })
    const premiere = p.publier()
    await new Promise((r) => setTimeout(r, 20))
    p.demander('modification pendant la construction')
    // Le délai de regroupement écoulé, la demande attend la fin de la construction en cours.
    await new Promise((r) => setTimeout(r, 20))
    liberer()
    await premiere
    await p.attendre()
    expect(n).toBe(2)
    expect(p.etat.statut).toBe('echouee')
    expect(p.demandeEnAttente()?.raison).toBe('modification pendant la construction')
  })

  it('au démarrage suivant, une publication « en cours » est dite interrompue puis refaite', async () => {
    const dossier = dossierTemp()
    const etatsAvant: EtatPublication[] = []
    const avant = new PipelinePublication({ dossier, delaiMs: 0, construire: constructeurQuiEcrit(() => 'v1'), surEtat: (e) => void etatsAvant.push(e) })
    await avant.publier()
    // Le processus « meurt » pendant la construction suivante : elle ne finit jamais.
    const mourant = new PipelinePublication({ dossier, delaiMs: 0, construire: jamais, surEtat: (e) => void etatsAvant.push(e) })
    expect(await mourant.reprendre(avant.etat)).toBeUndefined()
    mourant.demander('modification dans « Structures partenaires »')
    void mourant.publier()
    await new Promise((r) => setTimeout(r, 20))
    const enregistre = etatsAvant.at(-1)!
    expect(enregistre.statut).toBe('en-cours')

    const etats: EtatPublication[] = []
    const apres = new PipelinePublication({ dossier, delaiMs: 0, construire: constructeurQuiEcrit(() => 'v2'), surEtat: (e) => void etats.push(e) })
    const raison = await apres.reprendre(enregistre)
    expect(raison).toBe('reprise après un arrêt du serveur : modification dans « Structures partenaires »')
    // Plus jamais « en cours » pour toujours : l'état dit ce qui s'est passé, le dernier succès est gardé.
    expect(apres.etat.statut).toBe('echouee')
    expect(apres.etat.resume).toMatch(/^Dernière publication : interrompue par un arrêt du serveur \(commencée à \d\d:\d\d\)/)
    expect(apres.etat.derniereReussite).toBe(etatsAvant.find((e) => e.statut === 'reussie')!.derniereReussite)
    expect(etats.map((e) => e.statut)).toEqual(['echouee'])
    expect(pageServie(apres)).toBe('v1')

    apres.demander(raison!)
    expect(apres.etat.statut).toBe('planifiee')
    await apres.publier()
    expect(apres.etat.statut).toBe('reussie')
    expect(pageServie(apres)).toBe('v2')
    expect(apres.demandeEnAttente()).toBeUndefined()

    // Un troisième démarrage n'a plus rien à refaire et garde l'état réussi tel quel.
    const ensuite = new PipelinePublication({ dossier, delaiMs: 0, construire: jamais })
    expect(await ensuite.reprendre(apres.etat)).toBeUndefined()
    expect(ensuite.etat).toEqual(apres.etat)
  })

  it('deux arrêts de suite n’empilent pas la raison de la reprise', async () => {
    const dossier = dossierTemp()
    const premier = new PipelinePublication({ dossier, delaiMs: 0, construire: jamais })
    premier.demander('modification du logigramme')
    const second = new PipelinePublication({ dossier, delaiMs: 0, construire: jamais })
    const raison = (await second.reprendre({ statut: 'planifiee', resume: 'Publication planifiée' }))!
    second.demander(raison)
    const troisieme = new PipelinePublication({ dossier, delaiMs: 0, construire: jamais })
    expect(await troisieme.reprendre({ statut: 'planifiee', resume: 'Publication planifiée' })).toBe(
      'reprise après un arrêt du serveur : modification du logigramme',
    )
    expect(troisieme.etat).toMatchObject({ statut: 'planifiee', resume: 'Publication planifiée (reprise après un arrêt du serveur)' })
  })

  it('un état « en cours » laissé sans marqueur (version précédente du portail) est aussi refait', async () => {
    const p = new PipelinePublication({ dossier: dossierTemp(), delaiMs: 0, construire: jamais })
    const raison = await p.reprendre({ statut: 'en-cours', raison: 'modification dans « Sites »', debut: new Date().toISOString(), resume: 'Publication en cours' })
    expect(raison).toBe('reprise après un arrêt du serveur : modification dans « Sites »')
    expect(p.demandeEnAttente()).toBeDefined()
  })

  it('sans marqueur et avec un état terminé, rien n’est refait', async () => {
    const p = new PipelinePublication({ dossier: dossierTemp(), delaiMs: 0, construire: jamais })
    const echouee: EtatPublication = { statut: 'echouee', erreur: 'x', resume: 'Dernière publication : échouée à 10:00' }
    expect(await p.reprendre(echouee)).toBeUndefined()
    expect(p.etat).toEqual(echouee)
  })
})
