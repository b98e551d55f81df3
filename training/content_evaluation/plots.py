"""ROC (false-positive rate on a log axis: the gateway lives below 1%) and precision-recall curves."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from sklearn.metrics import precision_recall_curve, roc_curve  # noqa: E402


def roc(sets, path):
    figure, axis = plt.subplots(figsize=(7, 5), dpi=110)
    for s in sets:
        fpr, tpr, _ = roc_curve(s.labels, s.scores)
        axis.plot(np.clip(fpr, 1e-5, 1), tpr, label=s.title.split(" (")[0], linewidth=1.4)
    for x in (0.001, 0.01):
        axis.axvline(x, color="grey", linestyle=":", linewidth=0.8)
    axis.set_xscale("log")
    axis.set_xlim(1e-4, 1)
    axis.set_ylim(0, 1.01)
    axis.set_xlabel("false-positive rate (benign requests flagged), log scale")
    axis.set_ylabel("true-positive rate (attacks flagged)")
    axis.set_title("ROC per evaluation set (unique requests)")
    axis.legend(loc="lower right", fontsize=8)
    axis.grid(True, which="both", alpha=0.3)
    figure.tight_layout()
    figure.savefig(path, metadata={"Software": None})
    plt.close(figure)


def precision_recall(sets, path):
    figure, axis = plt.subplots(figsize=(7, 5), dpi=110)
    for s in sets:
        precision, recall, _ = precision_recall_curve(s.labels, s.scores)
        axis.plot(recall, precision, label=s.title.split(" (")[0], linewidth=1.4)
    axis.set_xlabel("recall (attacks flagged)")
    axis.set_ylabel("precision (flagged requests that are attacks)")
    axis.set_xlim(0, 1.01)
    axis.set_ylim(0, 1.01)
    axis.set_title("Precision-recall per evaluation set (unique requests, the set's own attack share)")
    axis.legend(loc="lower left", fontsize=8)
    axis.grid(True, alpha=0.3)
    figure.tight_layout()
    figure.savefig(path, metadata={"Software": None})
    plt.close(figure)
