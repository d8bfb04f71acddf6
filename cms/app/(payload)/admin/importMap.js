import { LiensExportAnnuaire as LiensExportAnnuaire_f24e410c1356b91c4f9efc9a718b73c2 } from '../../../components/LiensExportAnnuaire'
import { EtatPublication as EtatPublication_1682c37186ea7b577d5ba6cee7022eff } from '../../../components/EtatPublication'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/components/LiensExportAnnuaire#LiensExportAnnuaire": LiensExportAnnuaire_f24e410c1356b91c4f9efc9a718b73c2,
  "/components/EtatPublication#EtatPublication": EtatPublication_1682c37186ea7b577d5ba6cee7022eff,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
