import type { Endpoint } from 'payload'

import { exporterAnnuaire } from '../../../annuaire/export/annuaire'
import { serialiser, type FormatExport } from '../../../../domaine/annuaire/formats'

const TYPES: Record<FormatExport, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/**
 * GET /api/structures/export?format=json|csv|xlsx : l'annuaire au format
 * data·inclusion, en téléchargement depuis l'admin. Réservé à l'opérateur,
 * vérifié ici côté serveur (le lien de l'admin n'est qu'un raccourci).
 */
export const exporterAnnuaireEndpoint: Endpoint = {
  path: '/export',
  method: 'get',
  handler: async (req) => {
    if (req.user?.collection !== 'utilisateurs' || req.user.role !== 'operateur')
      return Response.json({ erreur: 'Export réservé à l’opérateur.' }, { status: 403 })
    const format = (req.searchParams.get('format') ?? 'json') as FormatExport
    if (!(format in TYPES)) return Response.json({ erreur: 'format : « json », « csv » ou « xlsx » attendu.' }, { status: 400 })
    const { donnees } = await exporterAnnuaire(req.payload)
    const corps = await serialiser(donnees, format)
    const date = new Date().toISOString().slice(0, 10)
    return new Response(typeof corps === 'string' ? corps : new Uint8Array(corps), {
      headers: {
        'Content-Type': TYPES[format],
        'Content-Disposition': `attachment; filename="annuaire-passerelle-${date}.${format}"`,
        'Cache-Control': 'no-store',
      },
    })
  },
}
