import AxeBuilder from '@axe-core/playwright'
import { chromium, type Browser, type Page } from 'playwright-core'

/**
 * Chromium de Debian piloté par playwright-core : aucun navigateur n'est
 * téléchargé. Les options réseau évitent les connexions sortantes que la
 * machine refuse (notes de pile).
 */
export const CHEMIN_CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'
export const DRAPEAUX_CHROMIUM = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export const lancerNavigateur = (): Promise<Browser> => chromium.launch({ executablePath: CHEMIN_CHROMIUM, args: DRAPEAUX_CHROMIUM })

/** Aucune violation axe (WCAG 2.1 A et AA, base du RGAA) : la liste complète est affichée en cas d'échec. */
export async function verifierAccessibilite(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const resume = violations.map((v) => `${v.id} (${v.impact}) : ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)
  if (resume.length > 0) throw new Error(`Violations d'accessibilité sur ${page.url()} :\n${resume.join('\n')}`)
}

/** Collecte les réponses en erreur (≥ 400) chargées par la page. */
export function surveillerErreurs(page: Page): string[] {
  const erreurs: string[] = []
  page.on('response', (r) => {
    if (r.status() >= 400) erreurs.push(`${r.status()} ${r.url()}`)
  })
  return erreurs
}

/** Une page dans son propre contexte (exigé par axe, et chaque test part de cookies vierges). */
export async function ouvrirPage(navigateur: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
  const contexte = await navigateur.newContext({ locale: 'fr-FR', ...options })
  return contexte.newPage()
}
