import { describe, expect, it } from 'vitest'

import { alternativeTextuelleHtml } from '../../domaine/logigramme/alternative'
import { graphe } from '../../domaine/logigramme/graphe'
import { chargerSeedLogigramme } from '../../cms/seed/logigramme'
import { dispositionSvg, schemaSvg } from '../../domaine/logigramme/svg'
import { echapper } from '../../domaine/logigramme/texte'
import { lireLogigramme, type Logigramme } from '../../content/schemas/logigramme'

const l = chargerSeedLogigramme()
const g = graphe(l)
const svg = schemaSvg(l)

/** Texte des <tspan> d'un nœud, lignes jointes : le titre tel qu'il est dessiné. */
function titreDessine(id: string): string {
  const groupe = new RegExp(`<g data-etape="${id}">(.*?)</g>`).exec(svg)?.[1] ?? ''
  const dernierTexte = groupe.slice(groupe.lastIndexOf('<text'))
  return [...dernierTexte.matchAll(/<tspan[^>]*>(.*?)<\/tspan>/g)].map((m) => m[1]).join(' ')
}

describe('schéma SVG', () => {
  it('est une image accessible : role="img", <title> et <desc> reliés par aria-labelledby', () => {
    expect(svg).toMatch(/^<svg [^>]*role="img"/)
    expect(svg).toContain('aria-labelledby="logigramme-titre logigramme-desc"')
    expect(svg).toContain(`<title id="logigramme-titre">${echapper(l.titre)}</title>`)
    expect(svg).toMatch(/<desc id="logigramme-desc">Schéma en 23 étapes numérotées, dont \d+ questions, du départ « Une situation de difficulté sociale est repérée »/)
    // Le titre du SVG est son premier enfant (exigé pour le nom accessible).
    expect(svg).toMatch(/^<svg[^>]*><title /)
  })

  it('dessine chaque étape avec son numéro et son titre complet', () => {
    for (const e of l.etapes) {
      expect(svg).toContain(`<title>${echapper(`${g.numero(e.id)}. ${e.titre}`)}</title>`)
      expect(titreDessine(e.id)).toBe(echapper(e.titre))
    }
  })

  it('dessine chaque branche (une flèche par branche) et ses libellés', () => {
    const nbBranches = l.etapes.reduce((n, e) => n + e.branches.length, 0)
    expect(svg.match(/marker-end="url\(#logigramme-fleche\)"/g)).toHaveLength(nbBranches)
    expect(svg).toContain('>Oui</tspan>')
    expect(svg).toContain('>Non</tspan>')
  })

  it('disposition en couches : aucune boîte ne se chevauche, toutes les flèches descendent', () => {
    const d = dispositionSvg(g)
    for (let i = 0; i < d.boites.length; i++)
      for (let j = i + 1; j < d.boites.length; j++) {
        const a = d.boites[i]!
        const b = d.boites[j]!
        const separees = a.x + a.largeur <= b.x || b.x + b.largeur <= a.x || a.y + a.hauteur <= b.y || b.y + b.hauteur <= a.y
        expect(separees, `${a.etape.id} et ${b.etape.id} se chevauchent`).toBe(true)
      }
    for (const t of d.traces) for (let k = 1; k < t.points.length; k++) expect(t.points[k]!.y).toBeGreaterThanOrEqual(t.points[k - 1]!.y)
    for (const b of d.boites) {
      expect(b.x).toBeGreaterThanOrEqual(0)
      expect(b.x + b.largeur).toBeLessThanOrEqual(d.largeur)
      expect(b.y + b.hauteur).toBeLessThanOrEqual(d.hauteur)
    }
  })

  it('échappe le texte saisi par l’opérateur', () => {
    const piege: Logigramme = lireLogigramme({
      titre: 'Titre <b>"piégé"</b> & cie',
      etapes: [
        { id: 'a', type: 'etape', phase: 'reperage', titre: '<script>alert(1)</script>', texte: 'x', branches: [{ libelle: 'Oui & "non"', vers: 'b' }] },
        { id: 'b', type: 'fin', phase: 'retour', titre: 'Fin', texte: 'y' },
      ],
    })
    for (const sortie of [schemaSvg(piege), alternativeTextuelleHtml(piege)]) {
      expect(sortie).not.toContain('<script>')
      expect(sortie).not.toContain('<b>')
      expect(sortie).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    }
    expect(schemaSvg(piege)).toContain('Titre &lt;b&gt;&quot;piégé&quot;&lt;/b&gt; &amp; cie')
  })

  it('produit un fichier autonome pour /logigramme/logigramme.svg', () => {
    const autonome = schemaSvg(l, { autonome: true })
    expect(autonome).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" lang="fr" role="img"/)
  })
})

describe('version texte', () => {
  const html = alternativeTextuelleHtml(g, { lienQuestionnaire: (id) => `/logigramme/${id}` })

  it('liste chaque étape, dans l’ordre et avec les numéros du schéma', () => {
    expect(html).toMatch(/^<ol class="logigramme-alternative fr-raw-list" role="list">/)
    const titres = [...html.matchAll(/<h3>(\d+)\. (.*?)<\/h3>/g)].map((m) => [Number(m[1]), m[2]])
    expect(titres).toEqual(g.ordre.map((e) => [g.numero(e.id), echapper(e.titre)]))
    expect(html.match(/<li id="etape-/g)).toHaveLength(l.etapes.length)
  })

  it('donne chaque branche avec un lien vers l’étape visée, et signale les fins', () => {
    expect(html).toContain(
      'Oui : aller à l’<a href="#etape-proteger">étape 3, Protéger la personne et appeler les secours</a>',
    )
    expect(html).toContain('Non : aller à l’<a href="#etape-mode-saisine">étape 4, Qui saisit l’intervenant social ?</a>')
    for (const [, ancre] of html.matchAll(/href="#(etape-[a-z0-9-]+)"/g)) expect(html).toContain(`id="${ancre}"`)
    const fins = l.etapes.filter((e) => e.branches.length === 0).length
    expect(html.match(/Fin du parcours\./g)).toHaveLength(fins)
  })

  it('cite les fondements et relie les thématiques à l’annuaire', () => {
    expect(html).toContain('<strong>Fondement :</strong> Article 226-14 du code pénal')
    expect(html).toContain('<a href="/annuaire/recherche?thematique=famille--surmonter-conflits-separation-violence">Surmonter les conflits liés à la séparation ou à la violence</a>')
    expect(html).toContain('href="/logigramme/signalement-procureur"')
  })
})
