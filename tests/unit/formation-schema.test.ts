import { describe, expect, it } from 'vitest'

import {
  creneauEnMots,
  etapesParMoment,
  ressourcesParPublic,
  sessionsAVenir,
  type RessourceFormation,
} from '../../domaine/formation/affichage'
import { chargerSeedFormation } from '../../cms/seed/formation'
import { ErreurContenu, validerContenu } from '../../content/charger'
import { fichierFormation, ressourceSchema } from '../../content/schemas/formation'

const contenu = chargerSeedFormation()

/** Messages « chemin : problème » tels que l'opérateur les lit. */
function problemes(donnees: unknown): string[] {
  try {
    validerContenu(fichierFormation, donnees, 'formation.json')
  } catch (e) {
    if (e instanceof ErreurContenu) return e.problemes
    throw e
  }
  throw new Error('le fichier aurait dû être refusé')
}

const session = {
  slug: 'session-test',
  titre: 'Session de test',
  type: 'session',
  publics: ['is'],
  dates: [{ debut: '2027-03-16T09:30:00+01:00', fin: '2027-03-16T11:30:00+01:00' }],
  lieuTexte: 'Bourg-en-Bresse',
  exemple: true,
}
const fichier = (ressources: unknown[]) => ({ ressources, parcours: { titre: 'Parcours', etapes: [{ moment: 'Semaine 1', titre: 'Arriver' }] } })

describe('content/formation.json', () => {
  it('est valide : ressources pour les trois publics, sessions d’exemple datées dans le futur, parcours d’intégration', () => {
    expect(contenu.ressources.length).toBeGreaterThanOrEqual(8)
    for (const p of ['fsi', 'is', 'partenaires'] as const) expect(contenu.ressources.some((r) => r.publics.includes(p))).toBe(true)
    const sessions = contenu.ressources.filter((r) => r.type === 'session')
    expect(sessions.length).toBeGreaterThanOrEqual(3)
    for (const s of sessions) {
      expect(s.exemple).toBe(true)
      for (const d of s.dates!) expect(d.debut.startsWith('2027-')).toBe(true)
    }
    const parcours = JSON.stringify(contenu.parcours).toLowerCase()
    for (const attendu of ['immersion', 'partenaires', 'main courante', 'victimologie', 'analyse des pratiques']) expect(parcours).toContain(attendu)
  })

  it('refuse une session sans date, sans lieu ou non signalée comme exemple', () => {
    const messages = problemes(fichier([{ ...session, dates: [], lieuTexte: undefined, exemple: false }]))
    expect(messages).toContain('ressources[0] (session-test) › dates : une session a au moins une date')
    expect(messages).toContain('ressources[0] (session-test) › lieuTexte : une session a un lieu (lieuSite ou lieuTexte)')
    expect(messages).toContainEqual(expect.stringMatching(/^ressources\[0\] \(session-test\) › exemple : les sessions du fichier d’amorçage sont des exemples/))
  })

  it('refuse une date sans fuseau, une fin avant le début, un lien sans adresse, un slug en double', () => {
    const messages = problemes(
      fichier([
        { ...session, dates: [{ debut: '2027-03-16T09:30:00' }] },
        { ...session, slug: 'autre', dates: [{ debut: '2027-03-16T09:30:00+01:00', fin: '2027-03-16T08:00:00+01:00' }] },
        { slug: 'autre', titre: 'Lien', type: 'lien', publics: ['fsi'] },
      ]),
    )
    expect(messages).toContainEqual(expect.stringMatching(/^ressources\[0\] \(session-test\) › dates\[0\] › debut : début : date et heure ISO avec fuseau attendues/))
    expect(messages).toContain('ressources[1] (autre) › dates[0] › fin : fin : doit être après le début')
    expect(messages).toContain('ressources[2] (autre) › url : un lien a une adresse (le fichier se dépose ensuite dans l’admin)')
    expect(messages).toContain('ressources[2] (autre) › slug : slug « autre » déjà utilisé par ressources[1]')
  })

  it('n’accepte que des publics connus et des adresses web ou du portail', () => {
    const r = ressourceSchema.safeParse({ slug: 'x', titre: 'X', type: 'lien', publics: ['magistrats'], url: 'javascript:alert(1)' })
    expect(r.success).toBe(false)
    const messages = r.error!.issues.map((i) => i.message)
    expect(messages).toContainEqual(expect.stringMatching(/^public inconnu/))
    expect(messages).toContainEqual(expect.stringMatching(/^url : adresse web \(https:\/\/…\) ou chemin du portail/))
  })
})

describe('page /formation', () => {
  const ressources: RessourceFormation[] = contenu.ressources.map((r, i) => ({ ...r, id: i + 1 }))

  it('écrit les créneaux en français, à l’heure de Paris (heure d’hiver et d’été)', () => {
    expect(creneauEnMots('2027-01-14T13:00:00.000Z', '2027-01-14T15:30:00.000Z')).toBe('jeudi 14 janvier 2027, 14 h – 16 h 30')
    expect(creneauEnMots('2027-06-08T07:00:00.000Z', '2027-06-08T14:30:00.000Z')).toBe('mardi 8 juin 2027, 9 h – 16 h 30')
    expect(creneauEnMots('2027-10-01T08:30:00Z')).toBe('vendredi 1er octobre 2027, 10 h 30')
    expect(creneauEnMots('2027-03-15T23:00:00Z')).toBe('mardi 16 mars 2027')
    expect(creneauEnMots('2027-06-07T07:00:00Z', '2027-06-08T15:00:00Z')).toBe('du lundi 7 juin 2027, 9 h au mardi 8 juin 2027, 17 h')
  })

  it('ne présente jamais une date passée comme à venir', () => {
    const avant = sessionsAVenir(ressources, new Date('2026-11-26T12:00:00Z'))
    expect(avant.map((s) => s.ressource.slug)).toEqual([
      'analyse-des-pratiques',
      'sensibilisation-fsi-role-is',
      'violences-conjugales-reperage-orientation',
      'secret-professionnel-partage',
    ])
    // Le 12 mars 2027 : les séances de janvier et du 11 mars sont passées, la sensibilisation du 16 mars est la prochaine.
    const mars = sessionsAVenir(ressources, new Date('2027-03-12T08:00:00Z'))
    expect(mars[0]!.ressource.slug).toBe('sensibilisation-fsi-role-is')
    const analyse = mars.find((s) => s.ressource.slug === 'analyse-des-pratiques')!
    expect(analyse.creneaux.map((c) => c.debut)).toEqual(['2027-05-20T14:00:00+02:00'])
    // Une séance en cours reste affichée jusqu'à sa fin.
    const pendant = sessionsAVenir(ressources, new Date('2027-10-05T13:00:00Z'))
    expect(pendant.map((s) => s.ressource.slug)).toEqual(['secret-professionnel-partage'])
    expect(sessionsAVenir(ressources, new Date('2028-01-01T00:00:00Z'))).toEqual([])
  })

  it('range les documents et liens par public (une ressource peut servir à plusieurs publics)', () => {
    const groupes = ressourcesParPublic(ressources)
    expect(groupes.map((g) => g.libelle)).toEqual(['Policiers et gendarmes', 'Intervenants sociaux', 'Partenaires'])
    for (const g of groupes) {
      expect(g.ressources.length).toBeGreaterThan(0)
      for (const r of g.ressources) {
        expect(r.type).not.toBe('session')
        expect(r.publics).toContain(g.public)
      }
    }
    expect(groupes[0]!.ressources.map((r) => r.slug)).toContain('logigramme-saisine-pdf')
    expect(groupes[1]!.ressources.map((r) => r.slug)).toContain('modules-aniscg')
  })

  it('regroupe le parcours d’intégration par moment, dans l’ordre', () => {
    const groupes = etapesParMoment(contenu.parcours.etapes)
    expect(groupes[0]!.moment).toBe('Semaine 1')
    expect(groupes.reduce((n, g) => n + g.etapes.length, 0)).toBe(contenu.parcours.etapes.length)
    expect(new Set(groupes.map((g) => g.moment)).size).toBe(groupes.length)
  })
})
