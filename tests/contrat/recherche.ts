import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { ErreurRequete, type MoteurRecherche, type ReponseRecherche } from '../../search/port.ts'
import { vocabulaireParDefaut, type Vocabulaire } from '../../search/vocabulaire/index.ts'
import { copies, SERVICES_CONTRAT } from './donnees-recherche.ts'

/**
 * Suite de contrat du port de recherche (search/port.ts) : ce que tout
 * adaptateur doit garantir, vérifié de la même façon sur le moteur embarqué et
 * sur Meilisearch. Un adaptateur qui passe cette suite peut remplacer l'autre
 * sans que le portail ni les hooks Payload ne changent.
 */

export type FabriqueMoteur = {
  nom: string
  /** Crée un moteur vide (index neuf). */
  creer: (vocabulaire: Vocabulaire) => Promise<MoteurRecherche>
  /** Libère ce que `creer` a réservé (index Meilisearch de test). */
  nettoyer?: (moteur: MoteurRecherche) => Promise<void>
  /** Raison de ne pas exécuter la suite (serveur absent) ; la suite est alors ignorée, raison affichée. */
  ignorer?: string
  /** Délai des tests (un serveur est plus lent qu'un index en mémoire). */
  delaiMs?: number
}

const ids = (r: ReponseRecherche) => r.resultats.map((x) => x.id)

export function contratMoteurRecherche(fabrique: FabriqueMoteur): void {
  if (fabrique.ignorer) console.info(`[contrat recherche] ${fabrique.nom} ignoré : ${fabrique.ignorer}`)
  const delai = fabrique.delaiMs ?? 30_000

  describe.skipIf(!!fabrique.ignorer)(`contrat du port de recherche : ${fabrique.nom}`, { timeout: delai }, () => {
    let moteur: MoteurRecherche
    const chercher = (texte: string, autres: Partial<Parameters<MoteurRecherche['rechercher']>[0]> = {}) =>
      moteur.rechercher({ texte, enCours: false, ...autres })

    beforeAll(async () => {
      moteur = await fabrique.creer(vocabulaireParDefaut())
    }, delai)
    afterAll(async () => {
      if (moteur) await fabrique.nettoyer?.(moteur)
    }, delai)
    beforeEach(async () => {
      await moteur.remplacerTout(SERVICES_CONTRAT)
    }, delai)

    it('trouve un service par les mots de son nom, avec les mots surlignés', async () => {
      const r = await chercher('halte de nuit')
      expect(r.statut).toBe('resultats')
      expect(ids(r)[0]).toBe('sv-contrat-halte-nuit')
      expect(r.total).toBeGreaterThanOrEqual(1)
      const premier = r.resultats[0]!
      expect(premier.pertinent).toBe(true)
      expect(premier.document.nom).toBe("Hébergement d'urgence de nuit")
      const surligne = [...premier.surlignage.nom, ...premier.surlignage.structure_nom]
        .filter((f) => f.surligne)
        .map((f) => f.texte.toLowerCase())
      expect(surligne).toContain('nuit')
      // Les fragments recomposent le texte d'origine, sans balise.
      expect(premier.surlignage.structure_nom.map((f) => f.texte).join('')).toBe('Halte de nuit de la Bresse')
    })

    it('tolère accents manquants, casse, traits d’union et fautes de frappe (mots de 4 lettres et plus)', async () => {
      expect(ids(await chercher('HEBERGEMENT D URGENCE'))).toContain('sv-contrat-halte-nuit')
      expect(ids(await chercher('epicerie solidair valserhone'))[0]).toBe('sv-contrat-epicerie-valserhone')
      expect(ids(await chercher('consultations psychiatrik'))[0]).toBe('sv-contrat-cmp-gex')
    })

    it('complète le dernier mot pendant la frappe', async () => {
      const r = await moteur.rechercher({ texte: 'épicerie solid', enCours: true })
      expect(ids(r)[0]).toBe('sv-contrat-epicerie-valserhone')
    })

    it('comprend le vocabulaire du terrain (aucune fiche ne dit « battue » ni « SDF »)', async () => {
      const vif = ids(await chercher('femme battue'))
      expect(vif.slice(0, 3)).toContain('sv-contrat-etape-ecoute')
      expect(ids(await chercher('SDF')).slice(0, 3)).toContain('sv-contrat-halte-nuit')
      expect(ids(await chercher('3919'))[0]).toBe('sv-contrat-3919')
    })

    it('comprend les saisies pressées (SMS, mots écrits comme ils se prononcent, mots collés) et dit ce qu’il a corrigé', async () => {
      const sms = await chercher('hebergemen durgense pr ce soir')
      expect(ids(sms).slice(0, 3)).toContain('sv-contrat-halte-nuit')
      expect(sms.correction?.appliquee).toBe(true)
      expect(sms.correction?.texte).toMatch(/^hébergement d.urgence pour ce soir$/)
      expect(sms.correction?.modifications.map((m) => m.saisi)).toEqual(expect.arrayContaining(['hebergemen', 'pr']))
      const colle = await chercher('epiceriesolidaire')
      expect(ids(colle)[0]).toBe('sv-contrat-epicerie-valserhone')
      expect(colle.correction).toMatchObject({ texte: 'épicerie solidaire', appliquee: true, modifications: [{ saisi: 'epiceriesolidaire', motif: 'decoupage' }] })
      // Une saisie juste n'a pas de correction.
      expect((await chercher('halte de nuit')).correction).toBeNull()
    })

    it('cherche la saisie telle quelle quand on le demande, et propose alors la correction', async () => {
      const litteral = await chercher('epiceriesolidaire', { litteral: true })
      expect(ids(litteral)).not.toContain('sv-contrat-epicerie-valserhone')
      expect(litteral.correction).toMatchObject({ texte: 'épicerie solidaire', appliquee: false })
    })

    it('répond « aucun résultat » à une requête hors champ, sans rien présenter comme pertinent', async () => {
      const r = await chercher('vétérinaire de garde')
      expect(r.statut).toBe('aucun-resultat')
      expect(r.resultats).toEqual([])
      expect(r.total).toBe(0)
      for (const s of r.suggestions) expect(s.pertinent).toBe(false)
    })

    it('avec une commune, ne classe que les services éligibles et dit pourquoi', async () => {
      const r = await chercher('', { commune: '01283' })
      const trouves = new Map(r.resultats.map((x) => [x.id, x.eligibilite?.motif]))
      expect(trouves.get('sv-contrat-etape-ecoute')).toBe('intervient sur la CA Haut-Bugey Agglomération')
      expect(trouves.get('sv-contrat-halte-nuit')).toBe("intervient dans tout le département de l'Ain")
      expect(trouves.get('sv-contrat-3919')).toBe('intervient sur toute la France')
      expect(trouves.has('sv-contrat-ccas-belley-accueil')).toBe(false)
      expect(trouves.has('sv-contrat-cmp-gex')).toBe(false)
      expect(r.commune).toEqual({ code: '01283', nom: 'Oyonnax' })

      const belley = await chercher('accueil social', { commune: '01034' })
      expect(belley.resultats[0]?.eligibilite?.motif).toBe('intervient à Belley')
      const ferney = await chercher('consultations psychiatriques', { commune: '01160' })
      expect(ids(ferney)).toEqual(['sv-contrat-cmp-gex'])
      expect(ferney.resultats[0]?.eligibilite?.motif).toBe('intervient à Ferney-Voltaire')
    })

    it("ne présente jamais un service non éligible, même quand il répond mieux à la requête", async () => {
      const r = await chercher('CCAS de Belley', { commune: '01283' })
      expect(ids(r)).not.toContain('sv-contrat-ccas-belley-accueil')
    })

    it('applique les zones à cheval sur deux départements et les anciens codes de commune', async () => {
      // MSA Ain-Rhône : Lyon (69123) est éligible par le département du Rhône.
      const lyon = await chercher('mal-être agricole', { commune: '69123' })
      expect(lyon.resultats[0]?.eligibilite?.motif).toBe('intervient dans tout le département du Rhône')
      // CC Usses et Rhône : Seyssel (Haute-Savoie, 74269) est membre.
      const seyssel74 = await chercher('démarches administratives', { commune: '74269' })
      expect(seyssel74.resultats[0]?.eligibilite?.motif).toBe('intervient sur la CC Usses et Rhône')
      // Châtillon-en-Michaille (01091), commune déléguée de Valserhône.
      const ancien = await chercher('épicerie', { commune: '01091' })
      expect(ids(ancien)).toContain('sv-contrat-epicerie-valserhone')
      expect(ancien.commune).toEqual({ code: '01033', nom: 'Valserhône' })
    })

    it('refuse une commune inconnue par une erreur de requête en français', async () => {
      await expect(chercher('ccas', { commune: '00000' })).rejects.toBeInstanceOf(ErreurRequete)
      await expect(chercher('ccas', { commune: 'Oyonnax' })).rejects.toThrow(/commune/)
    })

    it('filtre par facettes avant le classement et compte les facettes des résultats', async () => {
      const tout = await chercher('violences')
      expect(tout.facettes.types_partenaires.map((v) => v.code)).toEqual(expect.arrayContaining(['association-vif', 'numero-national']))
      const aDistance = await chercher('violences', { filtres: { modes_accueil: ['a-distance'] } })
      expect(ids(aDistance)).toEqual(['sv-contrat-3919'])
      expect(aDistance.facettes.modes_accueil).toEqual([{ code: 'a-distance', libelle: 'À distance', nombre: 1 }])
      const payant = await chercher('', { filtres: { frais: ['payant'] } })
      expect(ids(payant)).toEqual(['sv-contrat-epicerie-valserhone'])
    })

    it('pagine avec limite et décalage, le total restant celui de tous les résultats', async () => {
      const tout = await chercher('', { limite: 100 })
      expect(tout.total).toBe(SERVICES_CONTRAT.length)
      const page = await chercher('', { limite: 3, decalage: 3 })
      expect(page.resultats).toHaveLength(3)
      expect(page.total).toBe(SERVICES_CONTRAT.length)
      expect(ids(page)).toEqual(ids(tout).slice(3, 6))
    })

    it('rend une création ou une modification cherchable en moins d’une seconde', async () => {
      const debut = performance.now()
      await moteur.indexer([{ ...SERVICES_CONTRAT[1]!, id: 'sv-contrat-nouveau', nom: 'Permanence logement des Terreaux', description: 'Aide au relogement.' }])
      expect(ids(await chercher('terreaux'))).toEqual(['sv-contrat-nouveau'])
      expect(performance.now() - debut).toBeLessThan(1000)

      await moteur.indexer([{ ...SERVICES_CONTRAT[1]!, id: 'sv-contrat-nouveau', nom: 'Permanence logement des Brotteaux', description: 'Aide au relogement.' }])
      expect(ids(await chercher('brotteaux'))).toEqual(['sv-contrat-nouveau'])
      expect((await chercher('terreaux')).resultats).toEqual([])
    })

    it('retire des services (un identifiant inconnu est ignoré)', async () => {
      await moteur.retirer(['sv-contrat-halte-nuit', 'sv-inexistant'])
      expect(ids(await chercher('halte de nuit'))).not.toContain('sv-contrat-halte-nuit')
      expect((await moteur.statistiques()).documents).toBe(SERVICES_CONTRAT.length - 1)
    })

    it('remplace tout l’index sans jamais montrer un index vide pendant la reconstruction', async () => {
      const nouveaux = [...copies(SERVICES_CONTRAT[2]!, 1500, 'sv-contrat-halte'), SERVICES_CONTRAT[0]!]
      let termine = false
      let vides = 0
      let recherches = 0
      const reconstruction = moteur.remplacerTout(nouveaux).finally(() => {
        termine = true
      })
      while (!termine) {
        const r = await chercher('hébergement urgence nuit', { limite: 1 })
        recherches++
        if (r.total === 0) vides++
        await new Promise((resolve) => setTimeout(resolve, 0))
      }
      await reconstruction
      expect(recherches).toBeGreaterThan(0)
      expect(vides).toBe(0)
      const stats = await moteur.statistiques()
      expect(stats.documents).toBe(nouveaux.length)
      expect(stats.moteur).toBe(moteur.nom)
      expect(ids(await chercher('ccas belley'))).not.toContain('sv-contrat-ccas-belley-accueil')
    })

    it('n’oublie pas une modification reçue pendant une reconstruction', async () => {
      const reconstruction = moteur.remplacerTout([...copies(SERVICES_CONTRAT[2]!, 1500, 'sv-contrat-halte'), ...SERVICES_CONTRAT])
      await moteur.indexer([{ ...SERVICES_CONTRAT[1]!, id: 'sv-contrat-pendant', nom: 'Permanence des Charpennes' }])
      await reconstruction
      expect(ids(await chercher('charpennes'))).toEqual(['sv-contrat-pendant'])
    })

    it('prend en compte un vocabulaire modifié par l’opérateur', async () => {
      const base = vocabulaireParDefaut()
      await moteur.changerVocabulaire({
        ...base,
        entrees: [
          ...base.entrees,
          {
            code: 'essai-contrat',
            libelle: 'Essai',
            sigles: ['ZQX'],
            expressions: [],
            mots_associes: [],
            thematiques: [],
            types_partenaires: ['cmp-adultes'],
            publics: [],
          },
        ],
      })
      expect(ids(await chercher('ZQX'))[0]).toBe('sv-contrat-cmp-gex')
      await moteur.changerVocabulaire(base)
    })
  })
}
