import type { AstroIntegration } from 'astro'
import postcss from 'postcss'
import { PurgeCSS } from 'purgecss'

/**
 * Ne garde du CSS du DSFR que ce que le portail emploie.
 *
 * Le DSFR complet (tous les composants, toutes les icônes incrustées par Vite)
 * faisait un seul fichier de 2,95 Mo qui bloquait l'affichage de chaque page.
 * À la construction, chaque feuille du paquet @gouvfr/dsfr est réduite aux
 * sélecteurs dont les classes apparaissent dans le code du portail (pages,
 * composants, et modules qui fabriquent du HTML), plus les états que le
 * JavaScript du DSFR ajoute lui-même (menus ouverts, repliables dépliés…).
 * La réduction se fait avant le calcul de l'empreinte du fichier : un même nom
 * de fichier désigne toujours le même contenu (cache immuable sans risque).
 *
 * Le contenu venu du CMS est du texte, jamais des classes : le code suffit
 * pour savoir ce qui est employé.
 *
 * Les @font-face de Marianne du DSFR sont retirées et ses déclarations
 * `font-family` renvoient à la variable de la police chargée par Astro
 * (version réduite, préchargée, repli aux métriques ajustées).
 */

/** Où chercher les classes employées (relatif à la racine du projet). */
const CONTENU = ['site/**/*.{astro,ts}', 'cms/**/*.{ts,tsx}', 'search/**/*.ts']

/**
 * États posés par le JavaScript du DSFR (api.core.DisclosureType et sélecteurs
 * de ses composants) : absents du code du portail mais nécessaires à
 * l'ouverture du menu mobile, du fil d'Ariane replié ou d'une modale. Un
 * sélecteur n'est gardé que si ses autres parties sont employées : l'état
 * « --selected » des onglets disparaît avec les onglets.
 */
const CLASSES_DU_JAVASCRIPT = [
  /--(expanded|selected|opened)$/,
  'fr-collapsing',
  'fr-scroll-divider',
  'fr-transition-none',
  /^fr-placement/,
  /^fr-table__shadow/,
  'fr-nav__item--align-right',
]
/** Attributs que le JavaScript pose ou change (data-fr-js-*, thème sombre, état déplié…), quelle que soit leur valeur. */
const ATTRIBUTS_DU_JAVASCRIPT = ['aria-expanded', 'aria-current', 'aria-selected', 'aria-pressed', 'aria-hidden']
const attributsDataFr = (css: string) => [...new Set(Array.from(css.matchAll(/\[(data-fr-[a-z-]+)/g), (m) => m[1]!))]

const estCssDuDsfr = (id: string) => /[\\/]@gouvfr[\\/]dsfr[\\/]dist[\\/].*\.css$/.test(id.split('?')[0]!)

/** Remplace la famille Marianne du DSFR par la variable CSS de la police gérée par Astro. */
export function rattacherPolice(css: string, variablePolice: string): string {
  const racine = postcss.parse(css)
  racine.walkAtRules('font-face', (regle) => {
    regle.walkDecls('font-family', (d) => {
      if (/^["']?Marianne["']?$/i.test(d.value.trim())) regle.remove()
    })
  })
  racine.walkDecls('font-family', (d) => {
    if (/^["']?Marianne["']?\s*(,|$)/i.test(d.value.trim())) d.value = `var(${variablePolice})`
  })
  return racine.toString()
}

export async function reduireAuxClassesEmployees(css: string, racineProjet: string): Promise<string> {
  const [resultat] = await new PurgeCSS().purge({
    content: CONTENU.map((motif) => `${racineProjet}/${motif}`),
    css: [{ raw: css }],
    safelist: { standard: CLASSES_DU_JAVASCRIPT },
    dynamicAttributes: [...ATTRIBUTS_DU_JAVASCRIPT, ...attributsDataFr(css)],
    variables: true,
    keyframes: true,
    fontFace: true,
  })
  return resultat!.css
}

export function dsfrUtilise({ variablePolice }: { variablePolice: string }): AstroIntegration {
  return {
    name: 'passerelle:dsfr-utilise',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        const racineProjet = decodeURIComponent(config.root.pathname).replace(/\/$/, '')
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'passerelle:dsfr-utilise',
                enforce: 'pre',
                apply: 'build',
                async transform(code: string, id: string) {
                  if (!estCssDuDsfr(id)) return undefined
                  return { code: await reduireAuxClassesEmployees(rattacherPolice(code, variablePolice), racineProjet), map: null }
                },
              },
            ],
          },
        })
      },
    },
  }
}
