#!/usr/bin/python3
"""Experiment: would a heavier second stage (an MLP, 2109 -> 64 -> 1, torch) beat the logistic regression
on the same features, split and weights? Run after training/train.sh has left training/out/export.

Result on content-v3 (2026-11-21, seed 0, 8 epochs): CSIC test ROC AUC 0.813 (LR, v3: 0.819),
synthetic test 0.9998; no gain where the LR is weak, so the hybrid (LR for every request, the MLP only
for the ambiguous band) was not built: what CSIC's test split needs is knowledge of that one
application (see Gateway.Scoring.Profile), not a bigger model of payloads.
Needs Debian's python3-torch.
"""
import sys, numpy as np, torch, time
sys.path.insert(0,str(__import__('pathlib').Path(__file__).resolve().parents[1]))
from content_training import dataset, prepare, metrics
torch.set_num_threads(1)
data=dataset.load(__import__('pathlib').Path(__file__).resolve().parents[1] / 'out' / 'export')
p=prepare.prepare(data,2010)
X=data.features[p.unique].astype(np.float32); y=data.labels[p.unique].astype(np.float32); w=p.weights.astype(np.float32)
tr=p.masks['train']; va=p.masks['validation']; te=p.masks['test']; o=p.origin_u
def dense(idx): return torch.from_numpy(X[idx].toarray())
torch.manual_seed(0)
F=X.shape[1]
net=torch.nn.Sequential(torch.nn.Linear(F,64),torch.nn.ReLU(),torch.nn.Linear(64,1))
opt=torch.optim.Adam(net.parameters(),lr=1e-3,weight_decay=1e-5)
idx=np.flatnonzero(tr); wt=torch.from_numpy(w); yt=torch.from_numpy(y)
def predict(mask):
    out=[]; ii=np.flatnonzero(mask)
    with torch.no_grad():
        for k in range(0,len(ii),4096): out.append(torch.sigmoid(net(dense(ii[k:k+4096]))).squeeze(1).numpy())
    return np.concatenate(out)
t0=time.time()
for epoch in range(8):
    rng=np.random.default_rng(epoch); rng.shuffle(idx)
    for k in range(0,len(idx),256):
        b=idx[k:k+256]; xb=dense(b); logit=net(xb).squeeze(1)
        loss=(torch.nn.functional.binary_cross_entropy_with_logits(logit,yt[b],reduction='none')*wt[b]).sum()/wt[b].sum()
        opt.zero_grad(); loss.backward(); opt.step()
    pv=predict(va)
    res={s: metrics.ranking(y[va][o[va]==s], pv[o[va]==s])['roc_auc'] for s in ('csic','synthetic')}
    print(epoch, round(time.time()-t0), res, flush=True)
pt=predict(te)
for s in ('csic','synthetic'):
    m=o[te]==s; print('test',s,metrics.ranking(y[te][m],pt[m]))
