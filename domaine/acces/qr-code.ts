import { renderSVG } from 'uqr'

/**
 * Le QR code de l'enrôlement du second facteur, en SVG incrusté dans la page
 * (aucune image à servir, aucun script). Il porte une alternative textuelle ;
 * la page donne aussi le secret en clair pour la saisie à la main (RGAA : une
 * information portée par une image doit exister sous une autre forme).
 */
export function qrCodeSvg(contenu: string, alternative: string): string {
  const echappee = alternative.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
  // Correction d'erreur « M » : lisible sur un écran un peu sale ou en reflet.
  return renderSVG(contenu, { ecc: 'M', border: 2 }).replace(
    '<svg ',
    `<svg role="img" aria-label="${echappee}" width="240" height="240" focusable="false" `,
  )
}
