import { lazy, Suspense } from 'react';
import { Navigate, NavLink, Route, Routes } from 'react-router';
import { useSession } from './auth/session';
import { SignInPage } from './auth/sign-in-page';
import { SearchPage } from './pages/search/search-page';

// The review and operations pages draw charts: they load when first opened, so the
// first page stays small.
const ReviewQueuePage = lazy(() => import('./pages/review/review-queue-page'));
const MatchPage = lazy(() => import('./pages/review/match-page'));
const OperationsPage = lazy(() => import('./pages/ops/operations-page'));

export function App() {
  const { identity, signOut } = useSession();
  if (!identity) return <SignInPage />;
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <span className="brand">RevOps workspace</span>
        <nav aria-label="Pages">
          <NavLink to="/search">Search</NavLink>
          <NavLink to="/review">Review</NavLink>
          <NavLink to="/operations">Operations</NavLink>
        </nav>
        <span className="who">
          {identity.name} <span className="role">{identity.role}</span>
        </span>
        <button type="button" className="link-button" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main id="main">
        <Suspense fallback={<p className="loading">Loading…</p>}>
          <Routes>
            <Route path="/search" element={<SearchPage />} />
            <Route path="/review" element={<ReviewQueuePage />} />
            <Route path="/review/:id" element={<MatchPage />} />
            <Route path="/operations" element={<OperationsPage />} />
            <Route path="*" element={<Navigate to="/search" replace />} />
          </Routes>
        </Suspense>
      </main>
    </>
  );
}
