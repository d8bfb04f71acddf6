import { describe, expect, it } from 'vitest'

import { LexiqueAnnuaire } from '../../search/lexique.ts'
import {
  compteRechercheSansResultat,
  plusFrequentes,
  premierJourConserve,
  signalementRecherche,
  type CompteRechercheSansResultat,
} from '../../search/retour/contrat.ts'
import { examinerRecherche, normaliserRecherche } from '../../search/retour/examen.ts'
import { compilerVocabulaire, vocabulaireParDefaut } from '../../search/vocabulaire/index.ts'

/**
 * Boucle de retour « Recherches sans résultat », côté recherche (sans
 * Payload) : ce qu'on garde d'une recherche décevante, ce qu'on refuse de
 * garder, et la lecture des comptes par l'admin.
 */

const vocabulaire = compilerVocabulaire(vocabulaireParDefaut())
const lexique = new LexiqueAnnuaire()
lexique.compter(lexique.motsDuService({
  nom: 'Accueil de jour : douches, laverie',
  structure_nom: 'La Boussole',
  type_libelle: '',
  thematiques_libelles: '',
  publics_libelles: '',
  description: 'Domiciliation des personnes sans domicile stable',
  structure_description: '',
  precisions: '',
  lieux: 'Bourg-en-Bresse',
}), 1)
const examiner = (texte: string) => examinerRecherche(texte, { vocabulaire, lexique })

describe('recherches sans résultat : ce qui est gardé', () => {
  it('normalise : minuscules, sans accents ni ponctuation, espaces uniques, 100 caractères au plus', () => {
    expect(normaliserRecherche('  Vétérinaire   de GARDE !')).toBe('veterinaire de garde')
    expect(normaliserRecherche("Hébergement d'urgence")).toBe('hebergement d urgence')
    const long = normaliserRecherche('aide '.repeat(40))
    expect(long.length).toBeLessThanOrEqual(100)
    expect(long.endsWith(' ')).toBe(false)
  })

  it('garde une recherche faite de mots de la langue, du terrain, de communes ou de sigles', () => {
    expect(examiner('Vétérinaire de garde')).toEqual({ conservee: true, requete: 'veterinaire de garde' })
    expect(examiner('hebergemen urgen pr ce soir')).toEqual({ conservee: true, requete: 'hebergemen urgen pr ce soir' })
    expect(examiner('OQTF Oyonnax')).toEqual({ conservee: true, requete: 'oqtf oyonnax' })
    expect(examiner('femme à la rue ce soir')).toEqual({ conservee: true, requete: 'femme a la rue ce soir' })
    expect(examiner('place en foyer 115')).toEqual({ conservee: true, requete: 'place en foyer 115' })
    expect(examiner('3919')).toEqual({ conservee: true, requete: '3919' })
    // Un mot du terrain mal écrit reste : c'est ce que l'opérateur doit voir.
    expect(examiner('violance conjugal')).toEqual({ conservee: true, requete: 'violance conjugal' })
    expect(examiner('domicilliation')).toEqual({ conservee: true, requete: 'domicilliation' })
  })

  it('refuse ce qui ressemble à un nom de personne', () => {
    expect(examiner('Mme Dupont')).toEqual({ conservee: false, raison: 'nom-de-personne' })
    expect(examiner('monsieur Petit violences')).toEqual({ conservee: false, raison: 'nom-de-personne' })
    expect(examiner('kevin durand fugue')).toEqual({ conservee: false, raison: 'nom-de-personne' })
    expect(examiner('dossier Benali')).toEqual({ conservee: false, raison: 'nom-de-personne' })
  })

  it('refuse un numéro de téléphone, un courriel, une adresse', () => {
    expect(examiner('06 12 34 56 78')).toEqual({ conservee: false, raison: 'telephone' })
    expect(examiner('appeler le 0465710000')).toEqual({ conservee: false, raison: 'telephone' })
    expect(examiner('+33 4 65 71 00 00')).toEqual({ conservee: false, raison: 'telephone' })
    expect(examiner('ecrire a contact@example.org')).toEqual({ conservee: false, raison: 'courriel' })
    expect(examiner('12 rue de la Paix')).toEqual({ conservee: false, raison: 'adresse' })
    expect(examiner('rue Victor Hugo')).toEqual({ conservee: false, raison: 'adresse' })
    expect(examiner('avenue des tilleuls')).toEqual({ conservee: false, raison: 'adresse' })
    expect(examiner('ccas 01000')).toEqual({ conservee: false, raison: 'adresse' })
  })

  it('ne garde pas une recherche vide', () => {
    expect(examiner(' ... ')).toEqual({ conservee: false, raison: 'vide' })
  })
})

describe('recherches sans résultat : contrat des comptes', () => {
  const compte = (requete: string, jour: string, nombre = 1, motif: CompteRechercheSansResultat['motif'] = 'aucun-resultat') => ({ requete, jour, motif, nombre })

  it('valide un compte et nomme le champ fautif en français', () => {
    expect(compteRechercheSansResultat.parse(compte('veterinaire de garde', '2026-11-20', 3))).toEqual(compte('veterinaire de garde', '2026-11-20', 3))
    const r = compteRechercheSansResultat.safeParse({ requete: 'Vétérinaire', jour: '20/11/2026', motif: 'autre', nombre: 0 })
    expect(r.success).toBe(false)
    const messages = r.error!.issues.map((i) => i.message).join('\n')
    expect(messages).toMatch(/requête : forme normalisée attendue/)
    expect(messages).toMatch(/jour : date AAAA-MM-JJ attendue/)
    expect(messages).toMatch(/motif : « aucun-resultat » ou « resultats-non-ouverts » attendu/)
    expect(messages).toMatch(/nombre : au moins 1/)
    expect(signalementRecherche.safeParse({ texte: '  ', motif: 'aucun-resultat' }).error?.issues[0]?.message).toBe('texte : ne doit pas être vide')
  })

  it('montre les plus fréquentes des 30 derniers jours, tous motifs additionnés', () => {
    const aujourdhui = new Date('2026-11-26T10:00:00Z')
    const comptes = [
      compte('veterinaire de garde', '2026-11-26', 2),
      compte('veterinaire de garde', '2026-11-20', 1, 'resultats-non-ouverts'),
      compte('fourriere', '2026-11-25', 2),
      compte('fourriere', '2026-10-27', 5), // hors de la fenêtre : les 30 derniers jours vont du 28 octobre au 26 novembre
      compte('dechetterie', '2026-10-28', 1),
    ]
    expect(plusFrequentes(comptes, aujourdhui)).toEqual([
      { requete: 'veterinaire de garde', aucun_resultat: 2, resultats_non_ouverts: 1, total: 3, dernier_jour: '2026-11-26' },
      { requete: 'fourriere', aucun_resultat: 2, resultats_non_ouverts: 0, total: 2, dernier_jour: '2026-11-25' },
      { requete: 'dechetterie', aucun_resultat: 1, resultats_non_ouverts: 0, total: 1, dernier_jour: '2026-10-28' },
    ])
    expect(plusFrequentes(comptes, aujourdhui, { limite: 1 })).toHaveLength(1)
  })

  it('conserve les comptes 90 jours', () => {
    expect(premierJourConserve(new Date('2026-11-26T10:00:00Z'))).toBe('2026-08-29')
  })
})
