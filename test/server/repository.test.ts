import { describeRepositoryContract } from '../../src/server/testing/repository-contract';
import { describeEachBackend } from './backends';

describeEachBackend('CatalogRepository contract', describeRepositoryContract);
