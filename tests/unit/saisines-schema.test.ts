import { describe, expect, it } from 'vitest'

import referentiels from '../../content/referentiels.json'
import { ageALaSaisine, erreursParChamp, natureParDefaut, PROFILS, schemaSaisine } from '../../domaine/saisines/schema'

const maintenant = new Date('2026-12-03T10:00:00Z')
const schema = schemaSaisine({ maintenant })

const valide = () => ({
  unite: 'brigade-nantua',
  agent: 12,
  mode: 'portail',
  nature: 'directe',
  date: '2026-12-02',
  urgence: false,
  personnes: [
    { nom: 'Martin', prenom: 'Claire', dateNaissance: '1990-05-04', sexe: 'femme', situationFamiliale: 'en-couple', commune: '01053', telephone: '06 12 34 56 78' },
  ],
  profil: 'victime',
  problematique: 'violences-conjugales',
  ditALaPersonne: 'Un intervenant social vous appellera.',
  accepteContact: 'oui',
  texteLibre: 'Intervention au domicile.',
})

function erreurs(donnees: unknown) {
  const r = schema.safeParse(donnees)
  expect(r.success).toBe(false)
  return r.success ? {} : erreursParChamp(r.error)
}

describe('schéma d’une saisine', () => {
  it('accepte une saisine complète et garde la commune', () => {
    const r = schema.parse(valide())
    expect(r.personnes[0]!.commune).toBe('01053')
    expect(ageALaSaisine(r.personnes[0]!, r.date)).toBe(36)
  })

  it('accepte l’âge seul, ou la date de naissance seule, mais pas aucun des deux', () => {
    const s = valide()
    const { dateNaissance: _, ...sansDate } = s.personnes[0]!
    expect(schema.parse({ ...s, personnes: [{ ...sansDate, age: 41 }] }).personnes[0]!.age).toBe(41)
    expect(erreurs({ ...s, personnes: [sansDate] })['personnes.0.dateNaissance']).toBe('Date de naissance ou âge : indiquez l’un des deux')
  })

  it('refuse un âge qui contredit la date de naissance, accepte celui qui concorde (anniversaire compris)', () => {
    const s = valide()
    const p = { ...s.personnes[0]!, dateNaissance: '1990-12-02' }
    expect(schema.safeParse({ ...s, personnes: [{ ...p, age: 36 }] }).success).toBe(true)
    expect(erreurs({ ...s, personnes: [{ ...p, age: 35 }] })['personnes.0.age']).toMatch(/^Âge : ne correspond pas.*36 ans/)
    expect(erreurs({ ...s, personnes: [{ ...p, age: 121 }] })['personnes.0.age']).toBe('Âge : 120 ans au plus')
    expect(erreurs({ ...s, personnes: [{ ...p, age: 3.5 }] })['personnes.0.age']).toMatch(/^Âge : nombre entier/)
  })

  it('refuse une date de saisine future, une date impossible, une naissance future ou après la saisine', () => {
    expect(erreurs({ ...valide(), date: '2026-12-04' }).date).toBe('Date de la saisine : la date ne peut pas être dans le futur')
    expect(erreurs({ ...valide(), date: '2026-02-30' }).date).toMatch(/^Date de la saisine : date invalide/)
    const s = valide()
    expect(erreurs({ ...s, personnes: [{ ...s.personnes[0]!, dateNaissance: '2027-01-01' }] })['personnes.0.dateNaissance']).toBe(
      'Date de naissance : la date ne peut pas être dans le futur',
    )
    expect(erreurs({ ...s, date: '2026-11-01', personnes: [{ ...s.personnes[0]!, dateNaissance: '2026-11-20' }] })['personnes.0.dateNaissance']).toBe(
      'Date de naissance : postérieure à la date de la saisine',
    )
  })

  it('« aujourd’hui » est le jour de Paris : à 0 h 30 le 4 décembre (23 h 30 UTC le 3), une saisine du 4 est acceptée', () => {
    const minuitPasse = schemaSaisine({ maintenant: new Date('2026-12-03T23:30:00Z') })
    expect(minuitPasse.safeParse({ ...valide(), date: '2026-12-04' }).success).toBe(true)
    expect(minuitPasse.safeParse({ ...valide(), date: '2026-12-05' }).success).toBe(false)
    const avantMinuit = schemaSaisine({ maintenant: new Date('2026-12-03T22:30:00Z') })
    expect(avantMinuit.safeParse({ ...valide(), date: '2026-12-04' }).success).toBe(false)
  })

  it('refuse une commune hors de l’Ain, inexistante ou mal formée, en nommant le champ ; un ancien code mène à la commune actuelle', () => {
    const avec = (commune: string) => ({ ...valide(), personnes: [{ ...valide().personnes[0]!, commune }] })
    expect(erreurs(avec('69123'))['personnes.0.commune']).toBe('Commune de résidence : « 69123 » n’est pas une commune de l’Ain')
    expect(erreurs(avec('01999'))['personnes.0.commune']).toBe('Commune de résidence : « 01999 » ne désigne aucune commune')
    expect(erreurs(avec('Bourg'))['personnes.0.commune']).toBe('Commune de résidence : code INSEE de 5 caractères attendu')
    // 01091 (Châtillon-en-Michaille) a fusionné dans Valserhône (01033).
    expect(schema.parse(avec('01091')).personnes[0]!.commune).toBe('01033')
  })

  it('refuse un profil, un mode ou une problématique inconnus, avec un message qui nomme le champ', () => {
    expect(erreurs({ ...valide(), profil: 'suspect' }).profil).toMatch(/^Profil : choisissez parmi « Victime »/)
    expect(erreurs({ ...valide(), mode: 'pigeon' }).mode).toMatch(/^Mode de saisine : choisissez parmi/)
    expect(erreurs({ ...valide(), problematique: 'inventee' }).problematique).toBe('Problématique principale : code absent du référentiel')
    expect(erreurs({ ...valide(), origine: 'pigeon' }).origine).toBe('Origine de la saisine : code absent du référentiel')
    expect(schema.parse({ ...valide(), origine: 'fsi-intervention' }).origine).toBe('fsi-intervention')
    const autre = schemaSaisine({ maintenant, problematiques: ['inventee'] })
    expect(autre.safeParse({ ...valide(), problematique: 'inventee' }).success).toBe(true)
  })

  it('exige unité et agent pour un dépôt sur le portail, pas pour une saisine par un partenaire', () => {
    const { unite: _u, agent: _a, ...sans } = valide()
    const e = erreurs(sans)
    expect(e.unite).toBe('Unité qui saisit : obligatoire pour un dépôt sur le portail')
    expect(e.agent).toBe('Agent qui saisit : obligatoire pour un dépôt sur le portail')
    expect(schema.safeParse({ ...sans, mode: 'partenaire', nature: 'indirecte' }).success).toBe(true)
  })

  it('refuse les champs inconnus, un téléphone faux, une liste de personnes vide, les champs obligatoires vides', () => {
    expect(erreurs({ ...valide(), suivi: 'x' })._).toBe('Saisine : champ inconnu (suivi)')
    expect(erreurs({ ...valide(), personnes: [] }).personnes).toBe('Personnes concernées : au moins une personne')
    const p = valide().personnes[0]!
    expect(erreurs({ ...valide(), personnes: [{ ...p, telephone: '12' }] })['personnes.0.telephone']).toMatch(/^Téléphone : /)
    expect(erreurs({ ...valide(), personnes: [{ ...p, nom: '   ' }] })['personnes.0.nom']).toBe('Nom : champ obligatoire')
    expect(schema.safeParse({ ...valide(), personnes: [{ ...p, telephone: '+33 6 12 34 56 78' }] }).success).toBe(true)
    expect(erreurs({ ...valide(), urgence: 'oui' }).urgence).toBe('Urgence : oui ou non')
  })

  it('les profils sont ceux du référentiel amorcé ; la nature par défaut suit le mode', () => {
    expect(Object.keys(PROFILS).sort()).toEqual(referentiels.profil.map((p) => p.code).sort())
    expect(natureParDefaut('synthese-ggd')).toBe('indirecte')
    expect(natureParDefaut('main-courante')).toBe('indirecte')
    expect(natureParDefaut('portail')).toBe('directe')
  })
})

describe('champ laissé vide dans le formulaire', () => {
  it('dit « champ obligatoire » (le formulaire l’envoie absent), et « texte attendu » pour une valeur qui n’est pas du texte', () => {
    const { nom: _, ...sansNom } = valide().personnes[0]!
    expect(erreurs({ ...valide(), personnes: [sansNom] })['personnes.0.nom']).toBe('Nom : champ obligatoire')
    expect(erreurs({ ...valide(), personnes: [{ ...sansNom, nom: 42 }] })['personnes.0.nom']).toBe('Nom : texte attendu')
  })
})

describe('schéma gardé d’un dépôt à l’autre', () => {
  it('même jour à Paris et mêmes référentiels : le même schéma ; un autre jour ou un autre référentiel : un autre, qui applique le sien', () => {
    const soir = new Date('2026-12-03T22:30:00Z') // 23 h 30 à Paris, encore le 3
    expect(schemaSaisine({ maintenant: soir })).toBe(schema)
    const lendemain = schemaSaisine({ maintenant: new Date('2026-12-03T23:30:00Z') }) // 0 h 30 le 4 à Paris
    expect(lendemain).not.toBe(schema)
    expect(schema.safeParse({ ...valide(), date: '2026-12-04' }).success).toBe(false)
    expect(lendemain.safeParse({ ...valide(), date: '2026-12-04' }).success).toBe(true)
    const autre = schemaSaisine({ maintenant, problematiques: ['probleme-nouveau'] })
    expect(autre).not.toBe(schema)
    expect(autre.safeParse({ ...valide(), problematique: 'probleme-nouveau' }).success).toBe(true)
    expect(schema.safeParse({ ...valide(), problematique: 'probleme-nouveau' }).success).toBe(false)
  })
})
