import { describe, expect, it } from 'vitest';
import {
  githubConfigProblem,
  githubConfigProblems,
  gitlabConfigProblem,
  type GithubConfigFields,
  type GitlabConfigFields,
} from './trusted-publishing';

const github: GithubConfigFields = {
  repositoryOwner: 'rust-lang',
  repositoryName: 'foo-rs',
  workflowFilename: 'publish.yml',
  environment: null,
};
const gitlab: GitlabConfigFields = {
  namespace: 'rust-lang/tools',
  project: 'foo-rs',
  workflowFilepath: 'ci/publish.yaml',
  environment: null,
};

describe('GitHub configuration rules (crates.io texts, in its order)', () => {
  it('accepts a well-formed configuration, with or without an environment', () => {
    expect(githubConfigProblem(github)).toBeNull();
    expect(githubConfigProblem({ ...github, environment: 'release' })).toBeNull();
  });

  it.each([
    [{ repositoryOwner: '' }, 'GitHub repository owner name may not be empty'],
    [
      { repositoryOwner: 'a'.repeat(256) },
      'GitHub repository owner name is too long (maximum is 255 characters)',
    ],
    [{ repositoryOwner: '-ferris' }, 'Invalid GitHub repository owner name'],
    [{ repositoryOwner: 'fer_ris' }, 'Invalid GitHub repository owner name'],
    [{ repositoryName: '' }, 'GitHub repository name may not be empty'],
    [{ repositoryName: 'foo rs' }, 'Invalid GitHub repository name'],
    [{ workflowFilename: '' }, 'Workflow filename may not be empty'],
    [{ workflowFilename: 'publish.YML' }, 'Workflow filename must end with `.yml` or `.yaml`'],
    [
      { workflowFilename: '.github/workflows/publish.yml' },
      'Workflow filename must be a filename only, without directories',
    ],
    [{ environment: '' }, 'Environment name may not be empty (use `null` to omit)'],
    [{ environment: 'é'.repeat(128) }, 'Environment name is too long (maximum is 255 characters)'],
    [{ environment: ' release' }, 'Environment name may not start with whitespace'],
    [{ environment: 'release\t' }, 'Environment name may not end with whitespace'],
    [
      { environment: 'rel;ease' },
      'Environment name must not contain non-printable characters or the characters "\'", """, "`", ",", ";", "\\"',
    ],
  ])('%o → %s', (change, text) => {
    expect(githubConfigProblem({ ...github, ...change })).toBe(text);
  });

  it('counts bytes, not characters, against the 255 limit', () => {
    expect(githubConfigProblem({ ...github, environment: 'é'.repeat(127) })).toBeNull();
  });

  it('reports the owner before the repository and the workflow, and each field on its own', () => {
    const fields = {
      repositoryOwner: '',
      repositoryName: '',
      workflowFilename: 'x',
      environment: '',
    };
    expect(githubConfigProblem(fields)).toBe('GitHub repository owner name may not be empty');
    expect(githubConfigProblems(fields)).toEqual({
      repositoryOwner: 'GitHub repository owner name may not be empty',
      repositoryName: 'GitHub repository name may not be empty',
      workflowFilename: 'Workflow filename must end with `.yml` or `.yaml`',
      environment: 'Environment name may not be empty (use `null` to omit)',
    });
  });
});

describe('GitLab configuration rules (crates.io texts, in its order)', () => {
  it('accepts subgroups and workflow paths in sub-directories', () => {
    expect(gitlabConfigProblem(gitlab)).toBeNull();
    expect(gitlabConfigProblem({ ...gitlab, environment: 'prod/${CI_ENV}' })).toBeNull();
  });

  it.each([
    [{ namespace: '' }, 'GitLab namespace may not be empty'],
    [{ namespace: 'ferris.git' }, 'GitLab namespace cannot end with .atom or .git'],
    [{ namespace: 'ferris/' }, 'Invalid GitLab namespace'],
    [{ project: 'quill.atom' }, 'GitLab project name cannot end with .atom or .git'],
    [{ project: 'a/b' }, 'Invalid GitLab project name'],
    [{ workflowFilepath: '' }, 'Workflow filepath may not be empty'],
    [{ workflowFilepath: '/ci.yml' }, 'Workflow filepath cannot start with /'],
    [{ workflowFilepath: 'ci/' }, 'Workflow filepath cannot end with /'],
    [{ workflowFilepath: 'ci/publish.txt' }, 'Workflow filepath must end with `.yml` or `.yaml`'],
    [{ environment: '' }, 'Environment name may not be empty (use `null` to omit)'],
    [{ environment: 'prod!' }, 'Environment name contains invalid characters'],
  ])('%o → %s', (change, text) => {
    expect(gitlabConfigProblem({ ...gitlab, ...change })).toBe(text);
  });
});
