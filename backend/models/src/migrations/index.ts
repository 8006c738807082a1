import { CreateSchemas1795320000000 } from './1795320000000-CreateSchemas';
import { CreateOpsTables1795320000100 } from './1795320000100-CreateOpsTables';
import { CreateSkeletonRawTables1795320000200 } from './1795320000200-CreateSkeletonRawTables';
import { CreateCoreOpportunities1795320000300 } from './1795320000300-CreateCoreOpportunities';
import { CreateSearchEmbeddings1795320000400 } from './1795320000400-CreateSearchEmbeddings';
import { CompleteRawSchema1795323205044 } from './1795323205044-CompleteRawSchema';
import { CreateSyncCursors1795330000000 } from './1795330000000-CreateSyncCursors';
import { CreateOutboxEvents1795331000000 } from './1795331000000-CreateOutboxEvents';
import { AddCompanyIdentityToCore1795332000000 } from './1795332000000-AddCompanyIdentityToCore';
import { AddOdooReferencesToCore1795333000000 } from './1795333000000-AddOdooReferencesToCore';
import { AddAceSpendTermsToCore1795334000000 } from './1795334000000-AddAceSpendTermsToCore';
import { DropRawCursorIndexes1795335000000 } from './1795335000000-DropRawCursorIndexes';
import { CreateValidationTables1795338000000 } from './1795338000000-CreateValidationTables';
import { CreateConsumedEvents1795339000000 } from './1795339000000-CreateConsumedEvents';
import { CreateCoreIdentities1795337000000 } from './1795337000000-CreateCoreIdentities';
import { AddApnOpportunityOrigin1795340215684 } from './1795340215684-AddApnOpportunityOrigin';
import { AddAceOriginToCore1795341000000 } from './1795341000000-AddAceOriginToCore';
import { RenormalizeCompanyNames1795342000000 } from './1795342000000-RenormalizeCompanyNames';
import { CreateSearchDocuments1795343000000 } from './1795343000000-CreateSearchDocuments';
import { CreateOpportunityMatches1795344000000 } from './1795344000000-CreateOpportunityMatches';
import { CreateDeadLetterEvents1795345000000 } from './1795345000000-CreateDeadLetterEvents';
import { AddMatchingCandidates1795346000000 } from './1795346000000-AddMatchingCandidates';
import { AddMatchingFieldsToCore1795347000000 } from './1795347000000-AddMatchingFieldsToCore';
import { CreateMatchingModels1795348000000 } from './1795348000000-CreateMatchingModels';
import { DropCustomerNameTrigramIndexes1795349000000 } from './1795349000000-DropCustomerNameTrigramIndexes';
import { AddQuarantineStage1795350000000 } from './1795350000000-AddQuarantineStage';
import { CreateOdooExternalIds1795351000000 } from './1795351000000-CreateOdooExternalIds';
import { WidenSkeletonRawColumns1795352000000 } from './1795352000000-WidenSkeletonRawColumns';
import { AddSearchNamesAndStageCategories1795353000000 } from './1795353000000-AddSearchNamesAndStageCategories';

/** In order. A landed migration is never edited: add a new one. */
export const ALL_MIGRATIONS = [
  CreateSchemas1795320000000,
  CreateOpsTables1795320000100,
  CreateSkeletonRawTables1795320000200,
  CreateCoreOpportunities1795320000300,
  CreateSearchEmbeddings1795320000400,
  CompleteRawSchema1795323205044,
  CreateSyncCursors1795330000000,
  CreateOutboxEvents1795331000000,
  AddCompanyIdentityToCore1795332000000,
  AddOdooReferencesToCore1795333000000,
  AddAceSpendTermsToCore1795334000000,
  DropRawCursorIndexes1795335000000,
  CreateValidationTables1795338000000,
  CreateConsumedEvents1795339000000,
  CreateCoreIdentities1795337000000,
  AddApnOpportunityOrigin1795340215684,
  AddAceOriginToCore1795341000000,
  RenormalizeCompanyNames1795342000000,
  CreateSearchDocuments1795343000000,
  CreateOpportunityMatches1795344000000,
  CreateDeadLetterEvents1795345000000,
  AddMatchingCandidates1795346000000,
  AddMatchingFieldsToCore1795347000000,
  CreateMatchingModels1795348000000,
  DropCustomerNameTrigramIndexes1795349000000,
  AddQuarantineStage1795350000000,
  CreateOdooExternalIds1795351000000,
  WidenSkeletonRawColumns1795352000000,
  AddSearchNamesAndStageCategories1795353000000,
];
