import { describe, expect, it } from 'vitest';
import type { CrateView } from '../../../shared/domain/crates';
import {
  fieldIdsOf,
  firstEmptyField,
  githubFieldsOf,
  initialSetupForm,
  setupProblems,
} from './setup-form';

function crateWith(repository: string | null): CrateView {
  return {
    key: 'crates-io/quill',
    name: 'quill',
    registryName: 'crates-io',
    description: null,
    repository,
    ownerAccountIds: ['a#1'],
    trustedPublishing: { githubConfigs: [], gitlabConfigs: [], trustpubOnly: false },
    trustedPublishingUnknown: null,
  };
}

describe('initialSetupForm', () => {
  it('prefills owner and name from a GitHub repository, nothing else', () => {
    const form = initialSetupForm(crateWith('https://github.com/ferris/quill'), 'a#1');
    expect(form.provider).toBe('github');
    expect(form.accountId).toBe('a#1');
    expect(form.github).toEqual({
      repositoryOwner: 'ferris',
      repositoryName: 'quill',
      workflowFilename: '',
      environment: '',
    });
  });

  it('picks GitLab for a GitLab project, with its namespace and GitLab’s default file', () => {
    const form = initialSetupForm(crateWith('https://gitlab.com/ferris/logs/ferrous-log'), 'a#1');
    expect(form.provider).toBe('gitlab');
    expect(form.gitlab).toEqual({
      namespace: 'ferris/logs',
      project: 'ferrous-log',
      workflowFilepath: '.gitlab-ci.yml',
      environment: '',
    });
  });

  it('starts empty without a known repository', () => {
    const form = initialSetupForm(crateWith(null), 'a#1');
    expect(form.github.repositoryOwner).toBe('');
    expect(form.gitlab.namespace).toBe('');
  });

  it('starts typing in the first field the prefill left empty', () => {
    expect(firstEmptyField(initialSetupForm(crateWith('https://github.com/a/b'), 'a#1'))).toBe(
      'github.workflowFilename',
    );
    expect(firstEmptyField(initialSetupForm(crateWith(null), 'a#1'))).toBe(
      'github.repositoryOwner',
    );
  });
});

describe('setupProblems', () => {
  it('says crates.io’s texts for the chosen provider only', () => {
    const form = initialSetupForm(crateWith(null), 'a#1');
    expect(setupProblems(form)).toEqual({
      'github.repositoryOwner': 'GitHub repository owner name may not be empty',
      'github.repositoryName': 'GitHub repository name may not be empty',
      'github.workflowFilename': 'Workflow filename may not be empty',
    });
    expect(setupProblems({ ...form, provider: 'gitlab' })).toEqual({
      'gitlab.namespace': 'GitLab namespace may not be empty',
      'gitlab.project': 'GitLab project name may not be empty',
    });
  });

  it('reads an empty environment as any environment, and checks a typed one', () => {
    const form = initialSetupForm(crateWith('https://github.com/ferris/quill'), 'a#1');
    const filled = { ...form, github: { ...form.github, workflowFilename: 'publish.yml' } };
    expect(githubFieldsOf(filled).environment).toBeNull();
    expect(setupProblems(filled)).toEqual({});
    const spaced = { ...filled, github: { ...filled.github, environment: ' release' } };
    expect(setupProblems(spaced)).toEqual({
      'github.environment': 'Environment name may not start with whitespace',
    });
  });

  it('lists the fields in the form’s order', () => {
    expect(fieldIdsOf('gitlab')).toEqual([
      'gitlab.namespace',
      'gitlab.project',
      'gitlab.workflowFilepath',
      'gitlab.environment',
    ]);
  });
});
