import { describe, expect, it } from 'vitest'

import { CLES_RETOUR_POUR_UNITE, CLES_RETOUR_VU, RETOURS_ARTICLE_4, retourPourUnite, schemaRetourArticle4, type TypeRetour } from '../../domaine/saisines/retours'
import { changerStatut, TRANSITIONS, type Changement, type Statut } from '../../domaine/saisines/statuts'

/** Générateur pseudo-aléatoire à graine (mulberry32) : la propriété se rejoue à l'identique. */
function aleatoire(graine: number) {
  let a = graine >>> 0
  const suivant = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const entier = (n: number) => Math.floor(suivant() * n)
  const choix = <T>(l: readonly T[]) => l[entier(l.length)]!
  return { entier, choix }
}

const intervenant = { id: 7, role: 'intervenant' as const }
const TYPES = Object.keys(RETOURS_ARTICLE_4) as TypeRetour[]

/**
 * Une saisine enregistrée quelconque : identité, textes, suivi, orientations,
 * signalements, champs inconnus… Chaque texte porte un marqueur « SECRET-n »
 * pour vérifier qu'aucun ne ressort.
 */
function saisineGeneree(graine: number) {
  const r = aleatoire(graine)
  let n = 0
  const secret = () => `SECRET-${graine}-${n++}`
  let historique: Changement[] = []
  let statut: Statut = 'recue'
  for (let i = r.entier(7); i > 0 && TRANSITIONS[statut].length; i--) {
    statut = r.choix(TRANSITIONS[statut])
    historique = changerStatut(historique, statut, intervenant, new Date(Date.UTC(2026, 10, 1 + historique.length)))
  }
  const retoursArticle4 = Array.from({ length: r.entier(4) }, (_, i) => ({ type: r.choix(TYPES), le: `2026-11-${String(10 + i).padStart(2, '0')}T08:00:00.000Z`, par: secret() }))
  return {
    id: secret(),
    unite: secret(),
    agent: secret(),
    mode: 'portail',
    nature: 'directe',
    date: '2026-10-30',
    urgence: r.entier(2) === 1,
    personnes: Array.from({ length: 1 + r.entier(3) }, () => ({ nom: secret(), prenom: secret(), dateNaissance: '1980-01-01', telephone: secret(), commune: secret() })),
    profil: r.choix(['victime', 'mis-en-cause']),
    problematique: secret(),
    ditALaPersonne: secret(),
    accepteContact: 'oui',
    texteLibre: secret(),
    suivi: [{ type: 'entretien', le: '2026-11-05', note: secret() }],
    orientations: [{ service: secret(), statut: 'acceptee' }],
    signalements: [{ article: '226-14', destinataire: secret() }],
    clePersonne: secret(),
    [secret()]: secret(),
    historique,
    retoursArticle4,
  }
}

describe('retour à l’unité qui a saisi (article 4 du protocole-cadre de 2013)', () => {
  it('une saisine reçue : « Reçue », sans retour', () => {
    expect(retourPourUnite({ date: '2026-12-01', historique: [] })).toEqual({ statut: 'recue', libelleStatut: 'Reçue', date: '2026-12-01', priseEnChargeLe: null, retours: [] })
  })

  it('prise en charge puis refus enregistré par l’intervenant : l’unité voit la prise en charge et le refus daté', () => {
    let h = changerStatut([], 'prise-en-charge', intervenant, new Date('2026-12-01T09:00:00Z'))
    h = changerStatut(h, 'refus', intervenant, new Date('2026-12-02T09:00:00Z'))
    const r = retourPourUnite({ date: '2026-11-30', historique: h, retoursArticle4: [{ type: 'refus-aide', le: '2026-12-02T10:00:00.000Z', par: 7 }] })
    expect(r.statut).toBe('prise-en-charge')
    expect(r.priseEnChargeLe).toBe('2026-12-01T09:00:00.000Z')
    expect(r.retours).toEqual([{ type: 'refus-aide', le: '2026-12-02T10:00:00.000Z', message: 'La personne a refusé l’aide de l’intervenant social.' }])
  })

  it('le statut « refus » ou « injoignable » seul ne dit rien : le retour est un acte explicite', () => {
    let h = changerStatut([], 'prise-en-charge', intervenant, new Date('2026-12-01T09:00:00Z'))
    h = changerStatut(h, 'injoignable', intervenant, new Date('2026-12-02T09:00:00Z'))
    h = changerStatut(h, 'cloturee', intervenant, new Date('2026-12-03T09:00:00Z'))
    expect(retourPourUnite({ date: '2026-11-30', historique: h })).toEqual({
      statut: 'prise-en-charge',
      libelleStatut: 'Prise en charge',
      date: '2026-11-30',
      priseEnChargeLe: '2026-12-01T09:00:00.000Z',
      retours: [],
    })
  })

  it('la dégradation invite à encourager une plainte ; une clôture sans prise en charge reste « reçue »', () => {
    const r = retourPourUnite({
      date: '2026-11-30',
      historique: changerStatut([], 'cloturee', intervenant, new Date('2026-12-01T09:00:00Z')),
      retoursArticle4: [{ type: 'degradation', le: '2026-12-02', par: 7 }],
    })
    expect(r.statut).toBe('recue')
    expect(r.retours[0]!.message).toMatch(/service enquêteur\. Encouragez la personne à déposer plainte\.$/)
  })

  it('un retour au type ou à la date forgés (texte libre glissé) est écarté, pas recopié', () => {
    const r = retourPourUnite({
      date: '2026-11-30',
      historique: [],
      retoursArticle4: [
        { type: 'La victime a dit que…' as TypeRetour, le: '2026-12-02', par: 7 },
        { type: 'refus-aide', le: 'le 2 décembre, chez sa sœur', par: 7 },
        { type: 'toString' as TypeRetour, le: '2026-12-02', par: 7 },
      ],
    })
    expect(r.retours).toEqual([])
  })

  it('propriété : pour 500 saisines générées, la sortie n’a que les clés permises et aucun texte de la saisine', () => {
    for (let graine = 1; graine <= 500; graine++) {
      const s = saisineGeneree(graine)
      const r = retourPourUnite(s)
      expect(Object.keys(r).sort()).toEqual([...CLES_RETOUR_POUR_UNITE].sort())
      for (const retour of r.retours) expect(Object.keys(retour).sort()).toEqual([...CLES_RETOUR_VU].sort())
      expect(r.retours).toHaveLength(s.retoursArticle4.length)
      expect(JSON.stringify(r)).not.toContain('SECRET')
    }
  })

  it('le générateur produit bien des secrets, des statuts variés et des retours (sinon la propriété ne prouve rien)', () => {
    const saisines = Array.from({ length: 200 }, (_, i) => saisineGeneree(i + 1))
    expect(JSON.stringify(saisines[0])).toContain('SECRET')
    expect(new Set(saisines.map((s) => s.historique.at(-1)?.vers ?? 'recue')).size).toBeGreaterThanOrEqual(6)
    expect(saisines.some((s) => s.retoursArticle4.length > 0)).toBe(true)
    expect(saisines.some((s) => retourPourUnite(s).statut === 'prise-en-charge')).toBe(true)
  })
})

describe('schéma d’un retour de l’article 4', () => {
  it('accepte les trois retours, refuse tout autre type en nommant le champ', () => {
    for (const type of TYPES) expect(schemaRetourArticle4.safeParse({ type, le: '2026-12-02T10:00:00.000Z', par: 7 }).success).toBe(true)
    expect(schemaRetourArticle4.safeParse({ type: 'commentaire', le: '2026-12-02T10:00:00.000Z', par: 7 }).error?.issues[0]?.message).toMatch(/^Retour à l’unité : choisissez/)
  })
})
