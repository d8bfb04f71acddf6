import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { chargerSeedLogigramme } from '../../cms/seed/logigramme'
import { documentVersDonnees, erreursPourPayload, logigrammeVersDocument, validerDocument } from '../../domaine/logigramme/document'
import { formaterProbleme, lireLogigramme, validerLogigramme, type EtapeSaisie } from '../../content/schemas/logigramme'

/** Petit circuit valide : départ → question → (Oui) action, (Non) fin. */
function circuit(): { titre: string; etapes: EtapeSaisie[] } {
  return {
    titre: 'Circuit de test',
    etapes: [
      { id: 'depart', type: 'etape', phase: 'reperage', titre: 'Repérage', texte: 'Une situation est repérée.', branches: [{ vers: 'question' }] },
      {
        id: 'question',
        type: 'question',
        phase: 'evaluation',
        titre: 'La personne accepte-t-elle ?',
        texte: 'Libre adhésion.',
        branches: [
          { libelle: 'Oui', vers: 'orienter' },
          { libelle: 'Non', vers: 'fin' },
        ],
      },
      { id: 'orienter', type: 'action', phase: 'orientation', titre: 'Orienter', texte: 'Vers les partenaires.', thematiques: ['sante--addictions'] },
      { id: 'fin', type: 'fin', phase: 'retour', titre: 'Fin', texte: 'Informer l’unité.' },
    ],
  }
}

/** Messages lus par l'opérateur : « étape « x », champ … : … ». */
function problemes(donnees: unknown): string[] {
  const r = validerLogigramme(donnees)
  if (r.ok) throw new Error('le logigramme aurait dû être refusé')
  return r.problemes.map(formaterProbleme)
}

describe('content/logigramme.json', () => {
  it('est valide et décrit le circuit de l’Ain, obligations légales comprises', () => {
    const l = chargerSeedLogigramme()
    expect(l.etapes.length).toBeGreaterThanOrEqual(15)
    const tout = JSON.stringify(l)
    for (const attendu of ['226-14', '223-6', 'Protocole-cadre de 2013', 'libre adhésion', 'messagerie institutionnelle', 'procureur'])
      expect(tout).toContain(attendu)
    const phases = new Set(l.etapes.map((e) => e.phase))
    expect([...phases].sort()).toEqual(['evaluation', 'orientation', 'reperage', 'retour', 'saisine'])
    expect(l.etapes.filter((e) => e.thematiques?.length).length).toBeGreaterThanOrEqual(5)
  })
})

describe('validation du graphe', () => {
  it('accepte un circuit correct', () => {
    expect(validerLogigramme(circuit()).ok).toBe(true)
  })

  it('refuse deux étapes au même identifiant, en nommant l’étape', () => {
    const c = circuit()
    c.etapes[3]!.id = 'orienter'
    expect(problemes(c)).toContainEqual(expect.stringMatching(/^étape « orienter », champ id : identifiant « orienter » déjà utilisé par l'étape n° 3/))
  })

  it('refuse une branche vers une étape qui n’existe pas', () => {
    const c = circuit()
    c.etapes[1]!.branches![1]!.vers = 'nulle-part'
    expect(problemes(c)).toContainEqual(
      "étape « question », champ branches[1].vers : la branche « Non » mène à « nulle-part », qui n'existe pas",
    )
  })

  it('exige exactement un départ : la première étape, cible d’aucune branche', () => {
    const c = circuit()
    c.etapes.push({ id: 'isolee', type: 'action', phase: 'orientation', titre: 'Isolée', texte: 'Personne n’y mène.' })
    expect(problemes(c)).toContainEqual(expect.stringMatching(/^étape « isolee », champ id : aucune branche ne mène à cette étape : c'est un second point de départ/))

    const d = circuit()
    d.etapes[0]!.phase = 'evaluation'
    d.etapes[1]!.branches![1]!.vers = 'depart'
    expect(problemes(d)).toContainEqual(
      expect.stringMatching(/^étape « depart », champ id : le départ \(première étape de la liste\) ne peut pas être la cible d'une branche : « question » y mène/),
    )
  })

  it('refuse une étape inaccessible depuis le départ', () => {
    const c = circuit()
    c.etapes.push(
      { id: 'ilot', type: 'etape', phase: 'saisine', titre: 'Îlot', texte: 'Second départ.', branches: [{ vers: 'perdue' }] },
      { id: 'perdue', type: 'fin', phase: 'retour', titre: 'Perdue', texte: 'Accessible seulement depuis l’îlot.' },
    )
    expect(problemes(c)).toContainEqual("étape « perdue », champ id : étape inaccessible : aucun parcours depuis le départ « depart » n'y mène")
  })

  it('refuse une impasse : tout parcours aboutit à une action ou à une fin', () => {
    const c = circuit()
    c.etapes[1]!.branches = []
    expect(problemes(c)).toContainEqual(
      "étape « question », champ branches : aucune branche : un parcours s'arrête ici sans aboutir à une action ni à une fin (impasse)",
    )
    const d = circuit()
    d.etapes[3]!.branches = [{ vers: 'orienter' }]
    d.etapes[3]!.phase = 'orientation'
    expect(problemes(d)).toContainEqual('étape « fin », champ branches : une fin de parcours ne peut pas avoir de branche')
  })

  it('refuse une boucle et la décrit', () => {
    const c = circuit()
    c.etapes[2]!.branches = [{ libelle: 'Réévaluer', vers: 'question' }]
    c.etapes[2]!.phase = 'evaluation'
    expect(problemes(c)).toContainEqual(
      'étape « orienter », champ branches[0].vers : la branche « Réévaluer » crée une boucle : « question » → « orienter » → « question »',
    )
  })

  it('refuse un retour à une phase antérieure du circuit', () => {
    const c = circuit()
    c.etapes[2]!.branches = [{ vers: 'fin' }]
    c.etapes[3]!.phase = 'saisine'
    expect(problemes(c)).toContainEqual(expect.stringMatching(/^étape « orienter », champ branches\[0\]\.vers : la branche n° 1 revient de la phase « Orientation » à la phase « Saisine »/))
  })

  it('exige au moins deux réponses libellées pour une question', () => {
    const c = circuit()
    c.etapes[1]!.branches = [{ libelle: 'Oui', vers: 'orienter' }]
    c.etapes.push({ id: 'autre', type: 'question', phase: 'evaluation', titre: 'Autre', texte: 'x', branches: [{ vers: 'orienter' }, { libelle: 'Non', vers: 'fin' }] })
    c.etapes[0]!.branches!.push({ libelle: 'Sinon', vers: 'autre' })
    c.etapes[0]!.branches![0]!.libelle = 'Si'
    const messages = problemes(c)
    expect(messages).toContainEqual(expect.stringMatching(/^étape « question », champ branches : une question propose au moins deux réponses/))
    expect(messages).toContainEqual(expect.stringMatching(/^étape « autre », champ branches\[0\]\.libelle : la branche n° 1 n'a pas de libellé/))
  })

  it('refuse les champs mal remplis avec un message en français', () => {
    const c = circuit() as { titre: string; etapes: Record<string, unknown>[] }
    c.etapes[2]!.thematiques = ['sante--inconnue']
    c.etapes[2]!.type = 'decision'
    c.etapes[3]!.id = 'Fin Parcours'
    c.etapes[1]!.titre = ''
    const messages = problemes(c)
    expect(messages).toContainEqual('étape « orienter », champ thematiques[0] : thématiques : code inconnu « sante--inconnue »')
    expect(messages).toContainEqual(expect.stringMatching(/^étape « orienter », champ type : type : valeur inconnue « decision »/))
    expect(messages).toContainEqual(expect.stringMatching(/^étape « Fin Parcours », champ id : identifiant : lettres minuscules/))
    expect(messages).toContainEqual('étape « question », champ titre : titre : ne doit pas être vide')
  })

  it('lireLogigramme lève une erreur qui liste tous les problèmes', () => {
    const c = circuit()
    c.etapes[1]!.branches![0]!.vers = 'x'
    c.etapes[1]!.branches![1]!.vers = 'y'
    expect(() => lireLogigramme(c)).toThrow(/Logigramme invalide :\n {2}- étape « question », champ branches\[0\]\.vers .*\n {2}- étape « question », champ branches\[1\]\.vers/)
  })
})

describe('global Payload « logigramme »', () => {
  const documentAdmin = () => ({
    titre: 'Circuit de test',
    introduction: '',
    etapes: circuit().etapes.map((e, i) => ({
      id: `ligne-${i}`,
      identifiant: e.id,
      type: e.type,
      phase: e.phase,
      acteur: null,
      titre: e.titre,
      texte: e.texte,
      fondement: null,
      thematiques: e.thematiques ?? null,
      branches: (e.branches ?? []).map((b, j) => ({ id: `b-${i}-${j}`, libelle: b.libelle ?? null, vers: b.vers })),
    })),
  })

  it('lit les données de l’admin (null, chaînes vides, identifiants de ligne) comme le fichier', () => {
    const r = validerDocument(documentAdmin())
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.logigramme).toEqual(validerLogigramme(circuit()).ok && lireLogigramme(circuit()))
  })

  it('écrit le fichier d’amorçage dans le global sans rien perdre', () => {
    const { _source, ...l } = chargerSeedLogigramme()
    expect(_source).toBeTruthy()
    expect(lireLogigramme(documentVersDonnees(logigrammeVersDocument(l)))).toEqual(l)
  })

  it('place chaque erreur sous le champ de l’admin, et le message nomme l’étape', () => {
    const doc = documentAdmin()
    doc.etapes[1]!.branches[0]!.vers = 'nulle-part'
    doc.etapes[3]!.identifiant = 'orienter'
    const r = validerDocument(doc)
    expect(r.ok).toBe(false)
    if (r.ok) return
    const erreurs = erreursPourPayload(r.problemes)
    expect(erreurs).toContainEqual({
      path: 'etapes.1.branches.0.vers',
      message: "étape « question », champ branches[0].vers : la branche « Oui » mène à « nulle-part », qui n'existe pas",
    })
    expect(erreurs).toContainEqual(
      expect.objectContaining({ path: 'etapes.3.identifiant', message: expect.stringMatching(/^étape « orienter », champ identifiant : identifiant « orienter » déjà utilisé/) }),
    )
  })

  it('le fichier JSON ne contient que des champs connus du schéma', () => {
    const brut = JSON.parse(readFileSync('content/logigramme.json', 'utf8')) as { etapes: Record<string, unknown>[] }
    const champs = new Set(brut.etapes.flatMap((e) => Object.keys(e)))
    expect([...champs].sort()).toEqual(['acteur', 'branches', 'fondement', 'id', 'phase', 'texte', 'thematiques', 'titre', 'type'])
  })
})
