import { describe, expect, it } from 'vitest'

import { graphe } from '../../domaine/logigramme/graphe'
import { ErreurParcours, pageQuestionnaire, parcourir, tousLesParcours } from '../../domaine/logigramme/moteur'
import { partenairesPour } from '../../domaine/logigramme/partenaires'
import { chargerSeedLogigramme } from '../../cms/seed/logigramme'

const l = chargerSeedLogigramme()
const g = graphe(l)

describe('questionnaire pas à pas', () => {
  it('mène du départ à une action finale en suivant les réponses', () => {
    const { etapes, termine } = parcourir(l, [
      'Non', // pas de péril immédiat
      'Un policier ou un gendarme',
      'Non', // ni mineur ni personne vulnérable en danger
      'Oui', // la personne accepte
      'Violences conjugales ou intrafamiliales',
      'Oui', // la situation se dégrade
    ])
    expect(termine).toBe(true)
    expect(etapes.map((e) => e.id)).toEqual([
      'reperage',
      'peril',
      'mode-saisine',
      'saisine-fsi',
      'prise-de-contact',
      'mineur-vulnerable',
      'adhesion',
      'besoins',
      'orienter-violences',
      'retour-information',
      'degradation',
      'rendre-compte',
    ])
    const fin = etapes.at(-1)!
    expect(fin.type).toBe('action')
    expect(fin.thematiques).toContain('famille--surmonter-conflits-separation-violence')
  })

  it('suit les obligations légales : sévices sur mineur → signalement au procureur, puis adhésion', () => {
    const { etapes } = parcourir(l, ['oui', 2, 'Oui', 'Non : elle refuse ou ne donne pas suite'])
    expect(etapes.map((e) => e.id)).toEqual([
      'reperage',
      'peril',
      'proteger',
      'mode-saisine',
      'auto-saisine',
      'prise-de-contact',
      'mineur-vulnerable',
      'signalement-procureur',
      'adhesion',
      'informer-refus',
      'fin-porte-ouverte',
    ])
    expect(etapes.find((e) => e.id === 'signalement-procureur')!.fondement).toContain('226-14')
    expect(etapes.find((e) => e.id === 'proteger')!.fondement).toContain('223-6')
    expect(etapes.find((e) => e.id === 'informer-refus')!.fondement).toContain('Protocole-cadre de 2013')
  })

  it('s’arrête à la première question sans réponse', () => {
    const r = parcourir(l, [])
    expect(r.termine).toBe(false)
    expect(r.etapes.map((e) => e.id)).toEqual(['reperage', 'peril'])
  })

  it('refuse une réponse inconnue avec un message en français', () => {
    expect(() => parcourir(l, ['Peut-être'])).toThrow(ErreurParcours)
    expect(() => parcourir(l, ['Peut-être'])).toThrow("à l'étape « peril », réponse « Peut-être » inconnue (réponses possibles : « Oui », « Non »)")
  })

  it('tout parcours aboutit à une action ou à une fin, et chaque étape est sur un parcours', () => {
    const parcours = tousLesParcours(g)
    expect(parcours.length).toBeGreaterThan(10)
    for (const p of parcours) expect(['action', 'fin']).toContain(p.at(-1)!.type)
    const vues = new Set(parcours.flat().map((e) => e.id))
    expect(vues.size).toBe(l.etapes.length)
  })

  it('numérote les étapes dans l’ordre de lecture : une branche mène toujours plus loin', () => {
    expect(g.numero(g.depart.id)).toBe(1)
    expect(g.ordre.map((e) => g.numero(e.id))).toEqual(l.etapes.map((_, i) => i + 1))
    for (const e of g.ordre) for (const b of e.branches) expect(g.numero(b.vers)).toBeGreaterThan(g.numero(e.id))
  })

  it('décrit une page : réponses en liens, étapes précédentes, phase', () => {
    const page = pageQuestionnaire(g, 'adhesion')
    expect(page.choix).toEqual([
      { libelle: 'Oui', vers: 'besoins', titreSuivant: 'Quel est le besoin principal de la personne ?' },
      expect.objectContaining({ libelle: 'Non : elle refuse ou ne donne pas suite', vers: 'informer-refus' }),
    ])
    expect(page.precedentes.map((p) => p.id).sort()).toEqual(['mineur-vulnerable', 'signalement-procureur'])
    expect(page.phase).toEqual({ rang: 3, total: 5, libelle: 'Évaluation', suivante: 'Orientation' })
    expect(page.terminale).toBe(false)
    expect(pageQuestionnaire(g, 'fin-relais').terminale).toBe(true)
    expect(pageQuestionnaire(g, 'prise-de-contact').choix).toEqual([expect.objectContaining({ libelle: 'Continuer', vers: 'mineur-vulnerable' })])
    expect(() => pageQuestionnaire(g, 'inconnue')).toThrow('étape « inconnue » inconnue')
  })
})

describe('partenaires d’une étape', () => {
  const structures = [
    { id: 1, nom: 'CCAS de Belley', id_source: 's-ccas-belley', commune: 'Belley' },
    { id: 2, nom: 'Association d’aide aux victimes', id_source: 's-aide-victimes', commune: 'Bourg-en-Bresse' },
    { id: 3, nom: 'Centre hospitalier', id_source: 's-ch', commune: 'Bourg-en-Bresse' },
  ]
  const services = [
    { id: 10, nom: 'Accès aux droits', structure: 1, thematiques: ['difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits'] },
    { id: 11, nom: 'Écoute des victimes', structure: { id: 2 }, thematiques: ['famille--surmonter-conflits-separation-violence'] },
    {
      id: 12,
      nom: 'Accompagnement juridique',
      structure: 2,
      thematiques: ['difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire'],
    },
    { id: 13, nom: 'Urgences', structure: 3, thematiques: ['sante--acces-aux-soins'] },
    { id: 14, nom: 'Consultation psychotrauma', structure: 3, thematiques: ['famille--surmonter-conflits-separation-violence'] },
  ]

  it('trouve les structures dont un service porte une thématique de l’étape, les plus pertinentes d’abord', () => {
    const codes = g.etape('rendre-compte')!.thematiques!
    const trouves = partenairesPour(codes, services, structures)
    expect(trouves.map((p) => p.structure.nom)).toEqual(['Association d’aide aux victimes', 'Centre hospitalier'])
    expect(trouves[0]!.services.map((s) => s.nom)).toEqual(['Écoute des victimes', 'Accompagnement juridique'])
    expect(trouves[0]!.thematiques).toEqual(codes)
    expect(partenairesPour([], services, structures)).toEqual([])
  })
})
